using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Pages.Admin.Workflows;

/// <summary>Published workflow versions with their running instances, and the way to edit, simulate and migrate them.</summary>
public sealed class IndexModel(OneStopDbContext db) : PageModel
{
    public sealed record Row(string Id, int Version, string Name, IReadOnlyList<string> Procedures, DateTimeOffset PublishedAt, string? PublishedBy, int Running);

    public IReadOnlyList<IGrouping<string, Row>> Definitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var running = await db.WorkflowInstances.AsNoTracking().Where(i => i.Status != "Ended")
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion }).Select(g => new { g.Key.DefinitionId, g.Key.DefinitionVersion, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = await db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.Id).ThenByDescending(d => d.Version)
            .Select(d => new Row(d.Id, d.Version, d.Name, d.Procedures, d.PublishedAt, d.PublishedBy, 0)).ToListAsync(cancellationToken);
        Definitions = rows.Select(d => d with
        {
            Running = running.Find(r => r.DefinitionId == d.Id && r.DefinitionVersion == d.Version)?.Count ?? 0,
        }).GroupBy(d => d.Id).ToList();
    }
}
