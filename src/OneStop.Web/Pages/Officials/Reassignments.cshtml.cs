using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Officials;
using OneStop.Web.Features.Admin.Officials;
using OneStop.Web.Features.Workspace;
using OneStop.Web.Hosting;
using OneStop.Workflows.Runtime;

namespace OneStop.Web.Pages.Officials;

/// <summary>Tasks waiting for reassignment after their official left or moved; leaders give each to a colleague.</summary>
[Authorize(Policy = AuthenticationExtensions.OfficialPolicy)]
public sealed class ReassignmentsModel(ReassignmentQueue queue, OfficialContext officials, WorkspaceActions workspace) : PageModel
{
    public sealed record Item(TaskReassignment Flag, IReadOnlyList<WorkspaceActions.Colleague> Colleagues);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public bool IsLeader { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await officials.ActorAsync(User, cancellationToken) is { } actor ? await LoadAsync(actor, cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostAssignAsync(Guid instanceId, Guid taskId, Guid assignee, CancellationToken cancellationToken)
    {
        if (await officials.ActorAsync(User, cancellationToken) is not { } actor)
        {
            return Forbid();
        }

        try
        {
            await workspace.AssignAsync(instanceId, taskId, assignee, actor, cancellationToken);
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
        var items = new List<Item>();
        foreach (var flag in await queue.ListAsync(actor, cancellationToken))
        {
            var colleagues = IsLeader ? await workspace.ColleaguesAsync(flag.Role, flag.Agency, flag.Department, cancellationToken) : [];
            items.Add(new Item(flag, colleagues.Where(c => c.Id.ToString() != flag.FormerAssignee).ToList()));
        }

        Items = items;
        return Page();
    }
}
