using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Procedures;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

public sealed class DossierPageDetailsTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_dossier_page_shows_the_form_of_the_version_it_was_submitted_under()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Code == "1.002804");
            var renamed = procedure.Terms with
            {
                FormSchema = [.. procedure.FormSchema.Select(f => f.Name == "licenceNumber" ? f with { Label = "Số GPLX theo mẫu mới" } : f)],
            };
            await scope.ServiceProvider.GetRequiredService<ProcedureVersions>().AddAsync(procedure.Id, renamed, DateTimeOffset.UtcNow.AddMinutes(-1), null);
        }

        var counter = app.CreateClient();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var page = await counter.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");

        Assert.Contains("Số giấy phép lái xe</dt>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Số GPLX theo mẫu mới", page, StringComparison.Ordinal);
        Assert.Contains("200123456789", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_says_how_the_dossier_ended_in_Vietnamese()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.DriveToEndAsync(dossier.Code!, new Dictionary<string, object?> { ["deliverByPost"] = true });
        var counter = app.CreateClient();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var page = await counter.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");

        Assert.Contains("Kết thúc xử lý", page, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Completed<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Completed", page.Replace("data-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
