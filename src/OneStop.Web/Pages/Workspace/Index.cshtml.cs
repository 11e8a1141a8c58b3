using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Application.Officials;
using OneStop.Application.Workspace;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Identity;
using OneStop.Web.Features.Workspace;
using OneStop.Workflows.Runtime.Errors;

namespace OneStop.Web.Pages.Workspace;

public sealed class IndexModel(UserManager<OneStopUser> users, OfficialContext officials, Inbox inbox, ClaimTask claim)
    : PageModel
{
    public string FullName { get; private set; } = string.Empty;
    public string RoleNames { get; private set; } = string.Empty;
    public string AgencyName { get; private set; } = string.Empty;
    public string DepartmentName { get; private set; } = string.Empty;
    public Inbox.Query Query { get; private set; } = new();
    public string? Filter => Query.Filter;
    public Inbox.Result Result { get; private set; } = new([], 0, 0, 0, 0, 1);
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? filter, string? procedure, string? step, DossierStatus? status,
        SubmissionChannel? channel, DateOnly? from, DateOnly? to, string? sort, [FromQuery(Name = "p")] int? pageNumber,
        CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Message = TempData["WorkspaceMessage"] as string;
        Error = TempData["WorkspaceError"] as string;
        Query = new Inbox.Query
        {
            Q = q,
            Filter = filter is "mine" or "soon" or "overdue" or "unassigned" ? filter : null,
            Procedure = procedure,
            Step = step,
            Status = status,
            Channel = channel,
            From = from,
            To = to,
            Descending = sort == "desc",
            Page = pageNumber ?? 1,
        };
        FullName = user.FullName;
        RoleNames = string.Join(", ", (await users.GetRolesAsync(user)).Select(Roles.DisplayName));
        (AgencyName, DepartmentName) = await inbox.PlaceAsync(user.AgencyId, user.DepartmentId, cancellationToken);
        if (await officials.ActorAsync(cancellationToken) is { } actor)
        {
            Result = await inbox.ListAsync(actor, Query, cancellationToken);
        }

        return Page();
    }

    /// <summary>Takes an unassigned task from the inbox.</summary>
    public async Task<IActionResult> OnPostClaimAsync(Guid taskId, string? returnUrl, CancellationToken cancellationToken)
    {
        try
        {
            var done = await claim.ExecuteAsync(new ClaimTaskCommand(taskId), cancellationToken);
            TempData["WorkspaceMessage"] = $"Bạn đã nhận xử lý hồ sơ {done.DossierCode}.";
        }
        catch (WorkflowException ex)
        {
            TempData["WorkspaceError"] = ex.MessageVi;
        }
        catch (DomainException ex)
        {
            TempData["WorkspaceError"] = ex.Message;
        }

        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/Workspace");
    }

    /// <summary>The current query with some parts replaced, as a link.</summary>
    public string Link(string? filter = "keep", int? page = null, string? sort = null)
    {
        var parts = new Dictionary<string, string?>
        {
            ["q"] = Query.Q,
            ["filter"] = filter == "keep" ? Query.Filter : filter,
            ["procedure"] = Query.Procedure,
            ["step"] = Query.Step,
            ["status"] = Query.Status?.ToString(),
            ["channel"] = Query.Channel?.ToString(),
            ["from"] = Query.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = Query.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = sort ?? (Query.Descending ? "desc" : null),
            ["p"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Workspace",
            parts.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value));
    }
}
