using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>
/// The construction-permit sample lets the counter choose the department that appraises the dossier (chooseDepartment on "accept"):
/// Phòng Quản lý hoạt động xây dựng by default, or Phòng Quy hoạch - Kiến trúc.
/// </summary>
public sealed class DepartmentChoiceTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string CounterSxd = "tiepnhan.sxd@demo.onestop.vn";
    private const string Qhkt = "chuyenvien.qhkt.sxd@demo.onestop.vn";
    private const string Qlxd = "chuyenvien.qlxd.sxd@demo.onestop.vn";

    [Fact]
    public async Task The_counter_chooses_the_department_of_the_next_step_and_only_that_department_gets_it()
    {
        var dossier = await SubmitPermitAsync();
        var counter = app.CreateClient();
        await counter.SignInAsync(CounterSxd);
        var page = await counter.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");
        var form = OfficialPages.FormOf(page, "accept")!;
        Assert.Contains("data-testid=\"department-choice\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"QLXD\">Phòng Quản lý hoạt động xây dựng</option>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"QHKT\">Phòng Quy hoạch - Kiến trúc</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("department-choice", OfficialPages.FormOf(page, "reject")!, StringComparison.Ordinal);

        Assert.StartsWith("message:", await counter.ActAsync(dossier.Id, "accept", new Dictionary<string, string> { ["Department"] = "QHKT" }),
            StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var task = await db.WorkflowTasks.SingleAsync(t => t.DossierCode == dossier.Code);
        Assert.Equal(("review", "QHKT"), (task.StepId, task.Department));
        var qhkt = app.CreateClient();
        await qhkt.SignInAsync(Qhkt);
        Assert.Contains(dossier.Code!, await qhkt.GetStringAsync("/Workspace"), StringComparison.Ordinal);
        Assert.Contains("data-form=\"consult\"", await qhkt.GetStringAsync($"/Workspace/Dossier/{dossier.Id}"), StringComparison.Ordinal);
        var qlxd = app.CreateClient();
        await qlxd.SignInAsync(Qlxd);
        Assert.DoesNotContain(dossier.Code!, await qlxd.GetStringAsync("/Workspace"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-form=\"consult\"", await qlxd.GetStringAsync($"/Workspace/Dossier/{dossier.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_choice_the_definitions_department_applies_and_a_department_not_offered_is_refused()
    {
        var dossier = await SubmitPermitAsync();
        var counter = app.CreateClient();
        await counter.SignInAsync(CounterSxd);

        var refused = await counter.ActAsync(dossier.Id, "accept", new Dictionary<string, string> { ["Department"] = "HTKT" });
        Assert.Equal("error: Phòng 'HTKT' không thuộc các phòng được chọn cho thao tác 'Tiếp nhận'.", refused);
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal("reception", (await db.WorkflowTasks.SingleAsync(t => t.DossierCode == dossier.Code)).StepId);
        }

        Assert.StartsWith("message:", await counter.ActAsync(dossier.Id, "accept", new Dictionary<string, string> { ["Department"] = "" }),
            StringComparison.Ordinal);
        await using var after = app.Database.CreateContext();
        Assert.Equal("QLXD", (await after.WorkflowTasks.SingleAsync(t => t.DossierCode == dossier.Code)).Department);
    }

    private async Task<Dossier> SubmitPermitAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var citizen = await db.Users.Where(u => u.Email == DemoAccounts.Citizen).Select(u => u.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("1.009994", null, new Applicant("Nguyễn Văn An", "020090001234", "0912345678", DemoAccounts.Citizen, "Lạng Sơn"), citizen,
                SubmissionChannel.Online, """{"address":"Số 5 Lê Lợi, Lạng Sơn","area":120,"floors":3}"""),
            DossierIntake.Citizen(citizen));
    }
}
