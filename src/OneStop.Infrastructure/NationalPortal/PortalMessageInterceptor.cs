using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using OneStop.Core.Dossiers;
using OneStop.Core.Organisation;
using OneStop.Core.Procedures;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// The one place national-portal messages are produced: whenever a dossier's status, receipt or promised date changes — whichever use
/// case, page, endpoint or background effect changed it through the dossier's named transitions — the save that writes the change also
/// writes its messages to the outbox, so they commit or roll back with it. One save may carry several transitions (accepted and asked for
/// a supplement at once); each becomes a message, in the order the dossier went through them. Once the messages are committed,
/// <see cref="Workflows.OutboxWakeInterceptor"/> (registered after this one, so it sees them) wakes their delivery.
/// </summary>
internal sealed class PortalMessageInterceptor(IOptionsMonitor<NationalPortalOptions> options, TimeProvider clock)
    : SaveChangesInterceptor
{
    private sealed record Change(Dossier Dossier, IReadOnlyList<PortalStatus> Steps);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Changes(context) is { Count: > 0 } changes)
        {
            foreach (var change in changes)
            {
                var dossier = change.Dossier;
                Enqueue(context, change, ProcedureCode(context, dossier).Single(), AgencyIdentifier(context, dossier).Single(),
                    LastSequence(context, dossier).Max());
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Changes(context) is { Count: > 0 } changes)
        {
            foreach (var change in changes)
            {
                var dossier = change.Dossier;
                Enqueue(context, change, await ProcedureCode(context, dossier).SingleAsync(cancellationToken),
                    await AgencyIdentifier(context, dossier).SingleAsync(cancellationToken), await LastSequence(context, dossier).MaxAsync(cancellationToken));
            }
        }

        return result;
    }

    private List<Change>? Changes(DbContext context)
    {
        if (!options.CurrentValue.Enabled)
        {
            return null;
        }

        List<Change>? changes = null;
        foreach (var entry in context.ChangeTracker.Entries<Dossier>())
        {
            // Messages still waiting to be saved for this dossier come from a save that failed: they already say what changed.
            if (entry.State is EntityState.Added or EntityState.Modified && Steps(entry) is { Count: > 0 } steps
                && !context.ChangeTracker.Entries<PortalMessage>().Any(m => m.State == EntityState.Added && m.Entity.DossierId == entry.Entity.Id))
            {
                (changes ??= []).Add(new Change(entry.Entity, steps));
            }
        }

        return changes;
    }

    /// <summary>What the dossier went through since it was read, from its saved facts (status, receipt date, promised date).</summary>
    internal static List<PortalStatus> Steps(EntityEntry<Dossier> entry)
    {
        var dossier = entry.Entity;
        var added = entry.State == EntityState.Added;
        var before = added ? DossierStatus.Draft : entry.Property(d => d.Status).OriginalValue;
        var receivedBefore = added ? null : entry.Property(d => d.ReceivedAt).OriginalValue;
        var promisedBefore = added ? null : entry.Property(d => d.NewDueAt).OriginalValue;
        var steps = new List<PortalStatus>();
        if (dossier.Status == DossierStatus.Draft)
        {
            return steps;
        }

        if (before == DossierStatus.Draft)
        {
            steps.Add(PortalStatus.Received);
        }

        if (receivedBefore is null && dossier.ReceivedAt is not null
            && !(before == DossierStatus.WaitingForSupplement && dossier.Status == DossierStatus.WaitingForSupplement))
        {
            steps.Add(PortalStatus.InProgress);
        }

        if (dossier.Status != before && StatusOf(dossier.Status) is { } now && (steps.Count == 0 || steps[^1] != now))
        {
            steps.Add(now);
        }

        if (dossier.NewDueAt is not null && dossier.NewDueAt != promisedBefore)
        {
            steps.Add(PortalStatus.LateWithApology);
        }

        return steps;
    }

    private static PortalStatus? StatusOf(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => PortalStatus.Received,
        DossierStatus.InProgress or DossierStatus.ResultReady => PortalStatus.InProgress,
        DossierStatus.WaitingForSupplement => PortalStatus.SupplementRequested,
        DossierStatus.Completed => PortalStatus.Completed,
        DossierStatus.Rejected => PortalStatus.Rejected,
        DossierStatus.Withdrawn => PortalStatus.Withdrawn,
        _ => null,
    };

    private void Enqueue(DbContext context, Change change, string procedureCode, string agencyIdentifier, int? lastSaved)
    {
        var dossier = change.Dossier;
        var outbox = context.Set<PortalMessage>();
        var sequence = Math.Max(lastSaved ?? 0, outbox.Local.Where(m => m.DossierId == dossier.Id).Select(m => m.Sequence).DefaultIfEmpty().Max());
        var now = clock.GetUtcNow();
        foreach (var status in change.Steps)
        {
            var closing = status is PortalStatus.Completed or PortalStatus.Rejected or PortalStatus.Withdrawn;
            outbox.Add(new PortalMessage
            {
                MessageId = Guid.CreateVersion7(now),
                DossierId = dossier.Id,
                DossierCode = dossier.Code!,
                Sequence = ++sequence,
                Status = status,
                ProcedureCode = procedureCode,
                AgencyIdentifier = agencyIdentifier,
                SubmittedAt = dossier.SubmittedAt,
                ReceivedAt = status == PortalStatus.Received ? null : dossier.ReceivedAt,
                DueAt = status == PortalStatus.Received ? null : dossier.DueAt,
                NewDueAt = dossier.NewDueAt,
                CompletedAt = closing ? dossier.CompletedAt : null,
                OccurredAt = status switch
                {
                    PortalStatus.Received => dossier.SubmittedAt ?? now,
                    _ when closing => dossier.CompletedAt ?? now,
                    _ => now,
                },
                CreatedAt = now,
                AvailableAt = now,
            });
        }
    }

    private static IQueryable<string> ProcedureCode(DbContext context, Dossier dossier) =>
        context.Set<Procedure>().AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.Code);

    private static IQueryable<string> AgencyIdentifier(DbContext context, Dossier dossier) =>
        context.Set<Agency>().AsNoTracking().Where(a => a.Id == dossier.AgencyId).Select(a => a.Identifier == "" ? a.Code : a.Identifier);

    private static IQueryable<int?> LastSequence(DbContext context, Dossier dossier) =>
        context.Set<PortalMessage>().AsNoTracking().Where(m => m.DossierId == dossier.Id).Select(m => (int?)m.Sequence);
}
