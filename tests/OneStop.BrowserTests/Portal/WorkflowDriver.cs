using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.BrowserTests.Portal;

/// <summary>Plays the officials' part: takes the first action each open step offers until the workflow ends, then delivers its effects.</summary>
internal static class WorkflowDriver
{
    /// <summary>Takes one named action on the open official step, as the official who holds it would.</summary>
    public static async Task ActAsync(IServiceProvider services, string dossierCode, string actionId, string comment)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var instance = (await engine.FindByDossierCodeAsync(dossierCode))!;
        var task = instance.OpenTasks.First();
        var actor = await ActorAsync(db, task.Role, task.Agency, task.Department);
        await engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, actionId, actor) { Comment = comment });
    }

    private static async Task<WorkflowActor> ActorAsync(OneStopDbContext db, string role, string agency, string? department)
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

    public static async Task DriveToEndAsync(IServiceProvider services, string dossierCode, IReadOnlyDictionary<string, object?> formData)
    {
        for (var guard = 0; guard < 20; guard++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
            var instance = (await engine.FindByDossierCodeAsync(dossierCode))!;
            if (instance.Status == InstanceStatus.Ended)
            {
                break;
            }

            var task = instance.OpenTasks.First();
            var actor = await ActorAsync(db, task.Role, task.Agency, task.Department);
            var action = (await engine.ListAvailableActionsAsync(instance.Id, actor, formData)).First(a => a.TaskId == task.Id);
            await engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, action.ActionId, actor) { Comment = "Đồng ý", FormData = formData });
        }

        await using var effects = services.CreateAsyncScope();
        await effects.ServiceProvider.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(1000);
    }
}
