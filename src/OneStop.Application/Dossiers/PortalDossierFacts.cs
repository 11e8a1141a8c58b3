using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Application.Dossiers;

/// <summary>The few facts the applicant's dossier page needs beside its detail: the procedure's terms and what was last asked of them.</summary>
public sealed class PortalDossierFacts(OneStopDbContext db)
{
    public const string RequestSupplementAction = "requestSupplement";

    public Task<bool> IsLevel4Async(Dossier dossier, CancellationToken cancellationToken) =>
        db.Procedures.AsNoTracking().AnyAsync(p => p.Id == dossier.ProcedureId && p.Level == OnlineLevel.Level4, cancellationToken);

    public Task<List<RequiredDocument>> RequiredDocumentsAsync(Dossier dossier, CancellationToken cancellationToken) =>
        db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.RequiredDocuments).SingleAsync(cancellationToken);

    /// <summary>What the official last asked the applicant to supplement (printed on the supplement request they received).</summary>
    public async Task<string?> SupplementRequestAsync(Dossier dossier, CancellationToken cancellationToken) =>
        dossier.WorkflowInstanceId is not { } instanceId ? null : await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId && j.Kind == JournalKind.ActionPerformed && j.ActionId == RequestSupplementAction)
            .OrderByDescending(j => j.Sequence).Select(j => j.Comment).FirstOrDefaultAsync(cancellationToken);
}
