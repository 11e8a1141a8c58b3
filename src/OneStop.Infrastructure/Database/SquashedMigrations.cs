using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Database;

/// <summary>
/// The fourteen migrations of the first build were squashed into one baseline before any release. A database migrated by them
/// has exactly the baseline's schema, so its history is rewritten to say so; a database stopped half-way through them cannot be
/// upgraded and is refused with what to do.
/// </summary>
internal static class SquashedMigrations
{
    public const string Baseline = "20261205074625_Baseline";

    private const string LastSquashed = "20261129060738_WorkspaceInboxProjection";

    private static readonly string[] Squashed =
    [
        "20261128130007_Foundation", "20261128132124_WorkflowEngine", "20261128133548_DossiersAndDocuments",
        "20261128134317_ProcedureSearch", "20261128135428_DossierDrafts", "20261128180329_ProcedureVersions",
        "20261128180352_WorkspaceReturnsAndInbox", "20261129020140_PortalPaymentsDeliveryRatings", "20261129020424_LegacyImport",
        "20261129021652_WorkspaceJournalAddress", "20261129022927_AdminAuditOrganisationSettings", "20261129024803_AdminSettingsCalendar",
        "20261129044948_EmailOutbox", LastSquashed,
    ];

    public static async Task RewriteHistoryAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        List<string> applied;
        try
        {
            applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return;
        }

        var old = applied.Intersect(Squashed).ToList();
        if (old.Count == 0)
        {
            return;
        }

        if (old.Count != Squashed.Length || applied.Contains(Baseline))
        {
            throw new DatabaseNotUpgradableException(
                $"Cơ sở dữ liệu đang ở một phiên bản trung gian trước khi gộp migration ({old.Count}/{Squashed.Length} migration cũ): " +
                "hãy tạo lại cơ sở dữ liệu (./onestop psql, DROP DATABASE) rồi chạy ./onestop db migrate. / The database stopped part-way " +
                "through the pre-release migrations and cannot be upgraded: recreate it, then run ./onestop db migrate.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM __ef_migrations_history WHERE migration_id = ANY({0}); " +
            "INSERT INTO __ef_migrations_history (migration_id, product_version) VALUES ({1}, {2});",
            [Squashed, Baseline, "10.0.15"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
