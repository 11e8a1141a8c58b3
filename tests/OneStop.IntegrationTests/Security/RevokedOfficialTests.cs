using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Identity;
using OneStop.Testing;
using OneStop.Web.Features.Admin.Officials;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Security;

/// <summary>Authority is the account's as it is now: a deactivated or moved official's cookie and bearer token stop working at once.</summary>
public sealed class RevokedOfficialTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string Password = "CanBo2026xyz";

    [Fact]
    public async Task A_deactivated_officials_existing_cookie_bearer_token_and_refresh_token_are_refused_at_once()
    {
        var (id, email) = await OfficialAsync("SGTVT", "QLPT");
        var cookie = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await cookie.SignInAsync(email, Password)).StatusCode);
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        var bearer = app.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/Workspace")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/me")).StatusCode);

        await WithAdminAsync(officials => officials.DeactivateAsync(id, DemoAccounts.Admin, CancellationToken.None));

        var page = await cookie.GetAsync("/Workspace");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", Path(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/register?from=2025-01-01&to=2025-01-31")).StatusCode);
        var refresh = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task A_moved_official_cannot_read_the_old_agencys_dossiers_and_their_task_waits_for_reassignment()
    {
        var (id, email) = await OfficialAsync("SGTVT", "QLPT");
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, Roles.Reception, "MOTCUA");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
            var instance = (await engine.GetAsync(dossier.WorkflowInstanceId!.Value))!;
            await engine.ClaimAsync(instance.Id, instance.OpenTasks.Single().Id, new WorkflowActor(id.ToString(), Roles.Specialist, "SGTVT", "QLPT"));
        }

        var old = app.CreateClient(new() { AllowAutoRedirect = false });
        await old.SignInAsync(email, Password);
        var bearer = await app.CreateBearerClientAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync($"/Workspace/Dossier/{dossier.Id}")).StatusCode);

        Guid agency, department;
        await using (var db = app.Database.CreateContext())
        {
            (agency, department) = await (from d in db.Departments join a in db.Agencies on d.AgencyId equals a.Id
                                          where a.Code == "STP" && d.Code == "HCTP" select new ValueTuple<Guid, Guid>(a.Id, d.Id)).SingleAsync();
        }

        await WithAdminAsync(officials => officials.AssignAsync(id, new OfficialInput { Role = Roles.Specialist, AgencyId = agency, DepartmentId = department },
            DemoAccounts.Admin, CancellationToken.None));

        // The session of the old place is over, on the pages and in the API.
        Assert.StartsWith("/Account/Login", Path(await old.GetAsync($"/Workspace/Dossier/{dossier.Id}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/me")).StatusCode);

        // Signed in again, in the new place: the old agency's dossier is not theirs to read.
        var moved = app.CreateClient(new() { AllowAutoRedirect = false });
        await moved.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.NotFound, (await moved.GetAsync($"/Workspace/Dossier/{dossier.Id}")).StatusCode);
        await using var check = app.Database.CreateContext();
        var flag = await check.TaskReassignments.SingleAsync(f => f.DossierId == dossier.Code);
        Assert.Equal(id.ToString(), flag.FormerAssignee);
        Assert.Equal("moved", flag.Reason);
    }

    private static string Path(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString ?? string.Empty;

    private async Task<(Guid Id, string Email)> OfficialAsync(string agency, string department)
    {
        var email = $"can.bo.{Guid.NewGuid():N}@example.com";
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserProvisioner>().CreateAsync(
            new NewUser(email, "Cán Bộ Thử", Roles.Specialist, agency, department, Password, EmailConfirmed: true));
        return (user.Id, email);
    }

    private async Task WithAdminAsync(Func<OfficialAdmin, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<OfficialAdmin>());
    }
}
