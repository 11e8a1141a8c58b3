using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Runtime;

namespace OneStop.Testing;

/// <summary>
/// Drives a dossier through the real services of a running app, as the portal and the workspace would: submits it, acts on it as
/// the official who holds the open step, delivers the mail and the workflow's effects. Shared by the integration and browser tests.
/// </summary>
public sealed class DossierScenario(IServiceProvider services)
{
    public async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public async Task<Dossier> SubmitDrivingLicenceAsync(string citizenEmail = DemoAccounts.Citizen)
    {
        var citizen = await UserIdAsync(citizenEmail);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("1.002804", null, new Applicant("Nguyễn Văn An", "020090001234", "0912 345 678", citizenEmail,
                "Số 12 đường Bà Triệu, phường Lương Văn Tri, tỉnh Lạng Sơn"), citizen, SubmissionChannel.Online,
                """{"licenceNumber":"200123456789","licenceClass":"B","deliverByPost":true}"""),
            DossierIntake.Citizen(citizen));
    }

    /// <summary>A criminal record certificate (Sở Tư pháp, with a step at the provincial police) applied for online by the demo citizen.</summary>
    public async Task<Dossier> SubmitCriminalRecordAsync()
    {
        var citizen = await UserIdAsync(DemoAccounts.Citizen);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("2.000488", null, new Applicant("Nguyễn Văn An", "020090001234", "0912345678", DemoAccounts.Citizen, "Lạng Sơn"), citizen,
                SubmissionChannel.Online, """{"purpose":"Xin việc","copies":1}"""),
            DossierIntake.Citizen(citizen));
    }

    /// <summary>The named official as the engine knows them: their role, agency and department.</summary>
    public async Task<WorkflowActor> OfficialAsync(string officialEmail)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await (from u in db.Users
                      join a in db.Agencies on u.AgencyId equals a.Id
                      join d in db.Departments on u.DepartmentId equals d.Id
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where u.Email == officialEmail
                      select new WorkflowActor(u.Id.ToString(), r.Name!, a.Code, d.Code)).SingleAsync();
    }

    /// <summary>Performs an action on the dossier's open task as the named official (their role, agency and department).</summary>
    public async Task<WorkflowResult> ActAsAsync(Dossier dossier, string action, string officialEmail, IReadOnlyList<string>? files = null)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var official = await OfficialAsync(officialEmail);
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var instance = (await engine.GetAsync(dossier.WorkflowInstanceId!.Value))!;
        return await engine.PerformAsync(new PerformActionRequest(instance.Id, instance.OpenTasks.Single().Id, action, official) { Files = files ?? [] });
    }

    public async Task<WorkflowResult> ActAsync(Dossier dossier, string action, string officialEmail, string role, string department, string? comment = null)
    {
        var official = await UserIdAsync(officialEmail);
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var instance = (await engine.GetAsync(dossier.WorkflowInstanceId!.Value))!;
        return await engine.PerformAsync(new PerformActionRequest(instance.Id, instance.OpenTasks.Single().Id, action,
            new WorkflowActor(official.ToString(), role, "SGTVT", department)) { Comment = comment });
    }

    /// <summary>Takes one named action on the open step, as an official who holds that step would.</summary>
    public async Task<WorkflowResult> ActAsync(string dossierCode, string action, string comment)
    {
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var instance = (await engine.FindByDossierCodeAsync(dossierCode))!;
        var task = instance.OpenTasks.First();
        var actor = await HolderAsync(scope.ServiceProvider.GetRequiredService<OneStopDbContext>(), task.Role, task.Agency, task.Department);
        return await engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, action, actor) { Comment = comment });
    }

    /// <summary>Takes the first action each open step offers, as the official who holds that step would, until the workflow ends.</summary>
    public async Task<WorkflowResult?> DriveToEndAsync(string dossierCode, IReadOnlyDictionary<string, object?> formData)
    {
        WorkflowResult? last = null;
        for (var guard = 0; guard < 20; guard++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
            var instance = (await engine.FindByDossierCodeAsync(dossierCode))!;
            if (instance.Status == OneStop.Workflows.Runtime.State.InstanceStatus.Ended)
            {
                return last;
            }

            var task = instance.OpenTasks.First();
            var actor = await HolderAsync(db, task.Role, task.Agency, task.Department);
            var action = (await engine.ListAvailableActionsAsync(instance.Id, actor, formData)).First(a => a.TaskId == task.Id);
            last = await engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, action.ActionId, actor)
            {
                Comment = "Đồng ý",
                FormData = formData,
            });
        }

        throw new InvalidOperationException($"{dossierCode} did not end in 20 actions.");
    }

    /// <summary>Sends what is waiting in the e-mail outbox (the background service does it on a running host).</summary>
    public async Task<int> DeliverMailAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Email.EmailOutboxDispatcher>().DispatchAsync(1000);
    }

    public async Task<int> DeliverEffectsAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(1000);
    }

    /// <summary>An official holding the role in the agency's department.</summary>
    private static async Task<WorkflowActor> HolderAsync(OneStopDbContext db, string role, string agency, string? department)
    {
        var official = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              join a in db.Agencies on u.AgencyId equals a.Id
                              join d in db.Departments on u.DepartmentId equals d.Id
                              where r.Name == role && a.Code == agency && d.Code == department
                              select u.Id).FirstAsync();
        return new WorkflowActor(official.ToString(), role, agency, department);
    }
}
