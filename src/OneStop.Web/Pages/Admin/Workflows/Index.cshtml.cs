using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Admin.Workflows;

namespace OneStop.Web.Pages.Admin.Workflows;

/// <summary>Published workflow versions with their running instances, and the way to edit, simulate and migrate them.</summary>
public sealed class IndexModel(WorkflowConsole console) : PageModel
{
    public IReadOnlyList<IGrouping<string, PublishedWorkflow>> Definitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Definitions = (await console.ListAsync(cancellationToken)).GroupBy(d => d.Id).ToList();
}
