using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Legacy;

namespace OneStop.Web.Features.Admin.Legacy;

/// <summary>What the legacy-import page reads: past runs and their reports, and the migrated dossiers no workflow was mapped for.</summary>
public sealed class LegacyImportRuns(OneStopDbContext db)
{
    public sealed record Run(Guid Id, string Bundle, string SourceSystem, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
        string? StartedBy, string? Error);

    /// <summary>An open migrated dossier that no workflow was mapped for (reported as no_workflow): in no inbox until a mapping gives it one.</summary>
    public sealed record Unrouted(Guid Id, string Code, string Procedure, string Agency, DateTimeOffset? DueAt);

    /// <summary>The first <paramref name="shown"/> unrouted dossiers (oldest submission first) and how many there are in all.</summary>
    public sealed record UnroutedPage(int Count, IReadOnlyList<Unrouted> Dossiers);

    /// <summary>The latest 50 runs, newest first.</summary>
    public async Task<IReadOnlyList<Run>> RecentAsync(CancellationToken cancellationToken) =>
        await db.Set<LegacyImportRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(50)
            .Select(r => new Run(r.Id, r.Bundle, r.SourceSystem, r.Status, r.StartedAt, r.FinishedAt, r.StartedBy, r.Error))
            .ToListAsync(cancellationToken);

    public Task<string?> ReportJsonAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<LegacyImportRun>().AsNoTracking().Where(r => r.Id == id).Select(r => r.ReportJson).SingleOrDefaultAsync(cancellationToken);

    public Task<string?> ReportMarkdownAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<LegacyImportRun>().AsNoTracking().Where(r => r.Id == id).Select(r => r.ReportMarkdown).SingleOrDefaultAsync(cancellationToken);

    public async Task<UnroutedPage> UnroutedAsync(int shown, CancellationToken cancellationToken)
    {
        var unrouted = db.Dossiers.AsNoTracking().Where(d => d.LegacyCode != null && d.WorkflowInstanceId == null
            && d.Status != DossierStatus.Completed && d.Status != DossierStatus.Rejected && d.Status != DossierStatus.Withdrawn);
        var count = await unrouted.CountAsync(cancellationToken);
        if (count == 0)
        {
            return new UnroutedPage(0, []);
        }

        var dossiers = await (from d in unrouted
                              join p in db.Procedures on d.ProcedureId equals p.Id
                              join a in db.Agencies on d.AgencyId equals a.Id
                              orderby d.SubmittedAt, d.LegacyCode
                              select new Unrouted(d.Id, d.LegacyCode!, p.Code + " — " + p.Name, a.Name, d.DueAt))
            .Take(shown).ToListAsync(cancellationToken);
        return new UnroutedPage(count, dossiers);
    }
}
