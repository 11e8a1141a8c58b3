using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Workflows.Entities;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Audit;

/// <summary>
/// Audit lines for dossier actions, taken where every workflow change is persisted: the journal rows of the same SaveChanges
/// (submission, actions, claims, assignments, migrations, escalations) and the dossier's own status and dates.
/// </summary>
internal static class DossierAuditLines
{
    private static readonly HashSet<JournalKind> Acts =
    [
        JournalKind.Started, JournalKind.ActionPerformed, JournalKind.TaskClaimed, JournalKind.TaskAssigned, JournalKind.Migrated,
        JournalKind.Escalated, JournalKind.TotalDeadlineMissed, JournalKind.Ended, JournalKind.Apologised, JournalKind.DocumentReissued,
        JournalKind.AttachmentCertified, JournalKind.RemoteSigningCompleted, JournalKind.RemoteSigningFailed, JournalKind.RemoteSigningRetried,
    ];

    private static readonly HashSet<string> DossierFacts =
    [
        nameof(Dossier.Status), nameof(Dossier.SubmittedAt), nameof(Dossier.ReceivedAt), nameof(Dossier.DueAt), nameof(Dossier.CompletedAt),
        nameof(Dossier.ResultReturnedAt), nameof(Dossier.ResultReturnedBy), nameof(Dossier.ResultReturnMethod), nameof(Dossier.ResultReceivedBy),
        nameof(Dossier.NewDueAt),
    ];

    public static IEnumerable<AuditEntry> From(IReadOnlyList<EntityEntry> entries, AuditActorInfo who, DateTimeOffset now)
    {
        foreach (var entry in entries)
        {
            if (entry is { State: EntityState.Added, Entity: WorkflowJournalRecord j })
            {
                if (ForJournal(j, who, now) is { } line)
                {
                    yield return line;
                }
            }
            else if (entry is { State: EntityState.Modified, Entity: Dossier { Code: not null } dossier })
            {
                var changed = entry.Properties
                    .Where(p => p.IsModified && DossierFacts.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count > 0)
                {
                    yield return new AuditEntry(now, who, "Dossier.Updated", "Dossier", dossier.Code, dossier.Code,
                        Json(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
                        Json(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)));
                }
            }
        }
    }

    /// <summary>The audit line of one new journal entry, or null when its kind is not an act worth a line.</summary>
    public static AuditEntry? ForJournal(WorkflowJournalRecord j, AuditActorInfo who, DateTimeOffset now)
    {
        if (!Acts.Contains(j.Kind))
        {
            return null;
        }

        var actor = j.ActorId is null ? AuditActorInfo.System
            : who.UserId?.ToString() == j.ActorId ? who
            : new AuditActorInfo(Guid.TryParse(j.ActorId, out var id) ? id : null, j.ActorId, who.IpAddress, false);
        var kind = j.Kind.ToString();
        var action = "dossier." + (j.Kind == JournalKind.ActionPerformed ? j.ActionId : char.ToLowerInvariant(kind[0]) + kind[1..]);
        var before = j.FromStep is null ? null : Json(new { step = j.FromStep });
        var after = Json(new
        {
            step = j.ToStep, kind, action = j.ActionId, label = j.ActionLabel, role = j.ActorRole, task = j.TaskId,
            comment = j.Comment, files = j.Files, documents = j.Documents,
        });
        return new AuditEntry(now, actor, action, "Dossier", j.DossierCode, j.DossierCode, before, after);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, AuditLog.Json);
}
