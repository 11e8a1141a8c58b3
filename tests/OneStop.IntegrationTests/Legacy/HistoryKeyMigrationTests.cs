using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using OneStop.Infrastructure.Legacy;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Legacy;

/// <summary>HistoryKeyedByDossierAndSequence: migrated history keeps every row under its dossier and sequence, and going back restores the derived ids.</summary>
public sealed class HistoryKeyMigrationTests
{
    private const string Before = "20261207024827_NotificationMarker";

    [Fact]
    public async Task History_rows_keep_their_content_under_the_new_key_and_down_restores_the_importers_ids()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var dossierId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            // History rows as an import wrote them, without a dossier row behind them (the foreign key is not what is tested here).
            await db.Database.ExecuteSqlAsync($"""
                SET session_replication_role = replica;
                INSERT INTO legacy.record_map (source, tbl, legacy_key, target_id, row_hash, run_id)
                VALUES ('Một cửa cũ', 'ho_so', 'H-0001', {dossierId}, 'h', gen_random_uuid());
                INSERT INTO legacy.dossier_history (id, dossier_id, sequence, at, user_name, action, content, row_hash, run_id)
                SELECT md5('Một cửa cũ|qua_trinh|H-0001#' || n)::uuid, {dossierId}, n, now(), 'cb' || n, 'Tiếp nhận', 'Ghi chú ' || n, 'h', gen_random_uuid()
                FROM generate_series(1, 2) n;
                SET session_replication_role = origin;
                """);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var rows = await db.Set<LegacyHistoryRecord>().AsNoTracking().Where(h => h.DossierId == dossierId).OrderBy(h => h.Sequence)
                .Select(h => new { h.Sequence, h.UserName, h.Content }).ToListAsync();
            Assert.Equal(["1 cb1 Ghi chú 1", "2 cb2 Ghi chú 2"], rows.Select(r => $"{r.Sequence} {r.UserName} {r.Content}"));

            await db.GetService<IMigrator>().MigrateAsync(Before);
        }

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM legacy.dossier_history WHERE id = md5('Một cửa cũ|qua_trinh|H-0001#' || sequence)::uuid", connection);
            Assert.Equal(2L, await command.ExecuteScalarAsync());
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            Assert.Equal(2, await db.Set<LegacyHistoryRecord>().CountAsync());
        }
    }
}
