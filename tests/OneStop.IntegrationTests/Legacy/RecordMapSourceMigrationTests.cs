using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Legacy;

/// <summary>RecordMapKeyedBySourceId: every map entry keeps its exporting system through the migration and back.</summary>
public sealed class RecordMapSourceMigrationTests
{
    private const string Before = "20261207054558_UnroutedLegacyIndex";

    private const string Entries = "SELECT string_agg(s || ' ' || tbl || ' ' || legacy_key || ' ' || row_hash, ', ' ORDER BY s, tbl, legacy_key) FROM ";

    [Fact]
    public async Task Map_entries_of_two_sources_keep_their_source_under_its_number_and_down_writes_the_names_back()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO legacy.record_map (source, tbl, legacy_key, target_id, row_hash, run_id) VALUES
                    ('Một cửa cũ', 'ho_so', 'H-0001', gen_random_uuid(), 'a', gen_random_uuid()),
                    ('Một cửa cũ', 'don_vi', 'SGTVT', gen_random_uuid(), 'b', gen_random_uuid()),
                    ('Hệ thống huyện', 'ho_so', 'H-0001', gen_random_uuid(), 'c', gen_random_uuid());
                """);
            await db.Database.MigrateAsync();
        }

        const string expected = "Hệ thống huyện ho_so H-0001 c, Một cửa cũ don_vi SGTVT b, Một cửa cũ ho_so H-0001 a";
        Assert.Equal(expected, await ScalarAsync(database,
            Entries + "(SELECT s.name AS s, m.* FROM legacy.record_map m JOIN legacy.sources s ON s.id = m.source_id) q"));
        Assert.Equal(2L, await ScalarAsync(database, "SELECT count(*) FROM legacy.sources"));

        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
        }

        Assert.Equal(expected, await ScalarAsync(database, Entries + "(SELECT source AS s, * FROM legacy.record_map) q"));
    }

    private static async Task<object?> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
