using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Identity;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Admin;

public sealed class OfficialAdminTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        return admin;
    }

    private async Task<(Guid Agency, Guid Department)> PlaceAsync(string agency, string department)
    {
        await using var db = app.Database.CreateContext();
        var place = await (from a in db.Agencies
                           join d in db.Departments on a.Id equals d.AgencyId
                           where a.Code == agency && d.Code == department
                           select new { Agency = a.Id, Department = d.Id }).SingleAsync();
        return (place.Agency, place.Department);
    }

    private async Task<Dictionary<string, string>> InviteFormAsync(string email, string role, string agency, string department)
    {
        var (a, d) = await PlaceAsync(agency, department);
        return new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.FullName"] = "Lý Thị Hoa", ["Input.Role"] = role,
            ["Input.AgencyId"] = a.ToString(), ["Input.DepartmentId"] = d.ToString(),
        };
    }

    [Fact]
    public async Task An_invited_official_sets_their_own_password_from_the_e_mail_and_signs_in()
    {
        const string email = "ly.thi.hoa@demo.onestop.vn";
        var admin = await AdminAsync();
        var invited = await admin.PostFormAsync("/Admin/Officials?handler=Invite", await InviteFormAsync(email, Roles.Specialist, "SXD", "QLXD"));
        var page = await invited.Content.ReadAsStringAsync();
        Assert.Contains($"Đã gửi thư mời đến {email}.", page, StringComparison.Ordinal);
        Assert.Contains("Chờ đặt mật khẩu", page, StringComparison.Ordinal);

        var link = new Uri(await app.Mailbox.WaitForLinkAsync(email, "ResetPassword"));
        var official = app.CreateClient();
        var set = await official.PostFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "HoaMoi2026x" });
        Assert.Contains("data-testid=\"password-reset\"", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "HoaMoi2026x" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", "Specialist", "SXD", "QLXD", "Vui lòng nhập địa chỉ e-mail hợp lệ")]
    [InlineData("x1@demo.onestop.vn", "Citizen", "SXD", "QLXD", "Vui lòng chọn vai trò")]
    [InlineData(DemoAccounts.SpecialistSgtvt, "Specialist", "SGTVT", "QLPT", "Đã có tài khoản với e-mail")]
    public async Task Invalid_invitations_are_refused_with_a_vietnamese_message(string email, string role, string agency, string department, string message)
    {
        var admin = await AdminAsync();
        var response = await admin.PostFormAsync("/Admin/Officials?handler=Invite", await InviteFormAsync(email, role, agency, department));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_of_another_agency_is_refused()
    {
        var admin = await AdminAsync();
        var form = await InviteFormAsync("x2@demo.onestop.vn", Roles.Specialist, "SXD", "QLXD");
        form["Input.AgencyId"] = (await PlaceAsync("STP", "HCTP")).Agency.ToString();
        var response = await admin.PostFormAsync("/Admin/Officials?handler=Invite", form);
        Assert.Contains("Phòng ban đã chọn không thuộc Sở Tư pháp.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_officials_open_task_is_flagged_and_a_leader_gives_it_to_a_colleague()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        var specialist = await scenario.UserIdAsync(DemoAccounts.SpecialistSgtvt);
        Guid colleague;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
            var instance = (await engine.GetAsync(dossier.WorkflowInstanceId!.Value))!;
            await engine.ClaimAsync(instance.Id, instance.OpenTasks.Single().Id, new WorkflowActor(specialist.ToString(), Roles.Specialist, "SGTVT", "QLPT"));
            colleague = (await scope.ServiceProvider.GetRequiredService<UserProvisioner>().CreateAsync(new NewUser(
                "vu.van.binh@demo.onestop.vn", "Vũ Văn Bình", Roles.Specialist, "SGTVT", "QLPT", "Binh2026xx", EmailConfirmed: true))).Id;
        }

        var admin = await AdminAsync();
        var edit = $"/Admin/Officials/Edit?id={specialist}";
        var deactivated = await admin.PostFormAsync($"{edit}&handler=Deactivate", new Dictionary<string, string>(), await admin.GetStringAsync(edit));
        Assert.Contains("Đã vô hiệu hóa tài khoản", await deactivated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("1 việc cần phân công lại", await admin.GetStringAsync("/Admin/Officials?q=chuyenvien.qlpt"), StringComparison.Ordinal);
        var refused = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.SpecialistSgtvt, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var coworker = app.CreateClient();
        await coworker.SignInAsync("vu.van.binh@demo.onestop.vn", "Binh2026xx");
        var seen = await coworker.GetStringAsync("/Officials/Reassignments");
        Assert.Contains(dossier.Code!, seen, StringComparison.Ordinal);
        Assert.Contains("Chờ lãnh đạo phân công", seen, StringComparison.Ordinal);

        var leader = app.CreateClient();
        await leader.SignInAsync(DemoAccounts.LeaderSgtvt);
        Assert.Contains("href=\"/Officials/Reassignments\"", await leader.GetStringAsync("/Workspace"), StringComparison.Ordinal);   // in the leader's menu
        Assert.DoesNotContain("href=\"/Officials/Reassignments\"", await coworker.GetStringAsync("/Workspace"), StringComparison.Ordinal);
        var queue = await leader.GetStringAsync("/Officials/Reassignments");
        Assert.Contains(dossier.Code!, queue, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        var flag = await db.TaskReassignments.SingleAsync(f => f.DossierId == dossier.Code);
        var assigned = await leader.PostFormAsync("/Officials/Reassignments?handler=Assign", new Dictionary<string, string>
        {
            ["instanceId"] = flag.InstanceId.ToString(), ["taskId"] = flag.TaskId.ToString(), ["assignee"] = colleague.ToString(),
        }, queue);
        var after = await assigned.Content.ReadAsStringAsync();
        Assert.Contains("Đã phân công lại công việc.", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"empty\"", after, StringComparison.Ordinal);
        Assert.Equal(colleague.ToString(), await db.WorkflowTasks.Where(t => t.Id == flag.TaskId).Select(t => t.AssignedTo).SingleAsync());
    }

    [Fact]
    public async Task An_official_is_moved_to_another_department_and_role_and_two_factor_is_reset()
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>();
            var reception = (await users.FindByEmailAsync(DemoAccounts.ReceptionSgtvt))!;
            await users.SetTwoFactorEnabledAsync(reception, true);
            id = reception.Id;
        }

        var admin = await AdminAsync();
        var edit = $"/Admin/Officials/Edit?id={id}";
        var (agency, department) = await PlaceAsync("SXD", "QLXD");
        var moved = await admin.PostFormAsync($"{edit}&handler=Assign", new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.Specialist, ["Input.AgencyId"] = agency.ToString(), ["Input.DepartmentId"] = department.ToString(),
        }, await admin.GetStringAsync(edit));
        Assert.Contains("Đã lưu vai trò và nơi công tác.", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unconfirmed = await admin.PostFormAsync($"{edit}&handler=ResetTwoFactor", new Dictionary<string, string>(), await admin.GetStringAsync(edit));
        Assert.Contains("mật khẩu hiện tại hoặc mã xác thực", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reset = await admin.PostFormAsync($"{edit}&handler=ResetTwoFactor", new Dictionary<string, string> { ["currentPassword"] = DemoAccounts.Password },
            await admin.GetStringAsync(edit));
        Assert.Contains("Đã tắt xác thực hai bước", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        Assert.Equal((agency, department), (user.AgencyId!.Value, user.DepartmentId!.Value));
        Assert.False(user.TwoFactorEnabled);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync();
        Assert.Equal([Roles.Specialist], roles);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "UserRole.Created" && a.UserName == DemoAccounts.Admin));

        var missing = await admin.PostFormAsync($"{edit}&handler=Assign", new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.Specialist, ["Input.AgencyId"] = agency.ToString(),
        }, await admin.GetStringAsync(edit));
        Assert.Contains("Cán bộ phải thuộc một phòng ban", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Citizen)]
    [InlineData(DemoAccounts.LeaderSgtvt)]
    public async Task Non_administrators_get_403_on_the_officials_console(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Officials")).StatusCode);
        var token = await client.PostAsync("/Admin/Officials?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.True(token.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, token.StatusCode.ToString());
    }

    [Fact]
    public async Task Citizens_get_403_on_the_reassignment_queue()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Citizen);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Officials/Reassignments")).StatusCode);
    }
}
