using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Officials;
using OneStop.Web.Features.Admin.Officials;
using OneStop.Application.Officials;
using OneStop.Application.Workspace;
using OneStop.Web.Hosting;
using OneStop.Workflows.Runtime;

namespace OneStop.Web.Pages.Officials;

/// <summary>Tasks waiting for reassignment after their official left or moved; leaders give each to a colleague.</summary>
[Authorize(Policy = AuthenticationExtensions.OfficialPolicy)]
public sealed class ReassignmentsModel(ReassignmentQueue queue, OfficialContext officials, Colleagues colleagues, AssignTask assign) : PageModel
{
    public sealed record Item(TaskReassignment Flag, IReadOnlyList<Colleagues.Colleague> Colleagues);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public bool IsLeader { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await officials.ActorAsync(cancellationToken) is { } actor ? await LoadAsync(actor, cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostAssignAsync(Guid instanceId, Guid taskId, Guid assignee, CancellationToken cancellationToken)
    {
        if (await officials.ActorAsync(cancellationToken) is not { } actor)
        {
            return Forbid();
        }

        try
        {
            await assign.ExecuteAsync(new AssignTaskCommand(taskId, assignee), cancellationToken);
            Message = "Đã phân công lại công việc.";
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        catch (OneStop.Workflows.Runtime.Errors.WorkflowException ex)
        {
            ModelState.AddModelError(string.Empty, ex.MessageVi);
        }

        return await LoadAsync(actor, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(WorkflowActor actor, CancellationToken cancellationToken)
    {
        IsLeader = actor.Role == Roles.Leader;
        var flags = await queue.ListAsync(actor, cancellationToken);
        var places = IsLeader ? flags.Select(f => new Colleagues.Place(f.Role, f.Agency, f.Department)).Distinct().ToList() : [];
        var team = await colleagues.ForAsync(places, cancellationToken);
        Items = flags.Select(flag => new Item(flag, (team.GetValueOrDefault(new Colleagues.Place(flag.Role, flag.Agency, flag.Department)) ?? [])
            .Where(c => c.Id.ToString() != flag.FormerAssignee).ToList())).ToList();
        return Page();
    }
}
