using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>Which dossiers came from the national portal, by their id there (one dossier per national id).</summary>
public sealed class PortalDossiers(OneStopDbContext db, TimeProvider clock)
{
    public const int MaxNationalIdLength = 64;

    /// <summary>The dossier already made from this national id, or null.</summary>
    public Task<Guid?> FindAsync(string nationalId, CancellationToken cancellationToken) =>
        db.PortalDossiers.AsNoTracking().Where(d => d.NationalId == nationalId).Select(d => (Guid?)d.DossierId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Records that the dossier came from this national id (the caller saves, in the transaction that made the dossier).</summary>
    public void Add(string nationalId, Guid dossierId) =>
        db.PortalDossiers.Add(new PortalDossier { NationalId = nationalId, DossierId = dossierId, ReceivedAt = clock.GetUtcNow() });

    /// <summary>Whether a save failed only because the same national id was taken in at the same moment by another request.</summary>
    public static bool IsDuplicate(DbUpdateException exception) =>
        exception?.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, TableName: "national_portal_dossiers" };
}
