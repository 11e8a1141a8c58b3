using Npgsql;

namespace OneStop.IntegrationTests.Legacy;

/// <summary>The content of every table a legacy import writes, as sorted JSON lines (run ids and serial ids left out), to compare databases.</summary>
internal static class LegacyDatabaseSnapshot
{
    private static readonly string[] Tables =
    [
        "agencies", "departments", "fields", "procedures", "users", "user_roles", "user_claims", "dossiers", "dossier_attachments",
        "workflow_instances", "workflow_tasks", "workflow_timers", "workflow_journal", "legacy.dossier_history", "legacy.record_map",
    ];

    public static async Task<string> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var table in Tables)
        {
            // Left out: the import run's ids and each dossier's look-up key, which is random by design (each database draws its own;
            // their format and uniqueness are LegacyOpenDossierTests' concern).
            await using var command = new NpgsqlCommand(
                $"SELECT coalesce(string_agg(x, E'\\n' ORDER BY x), '') FROM (SELECT (to_jsonb(t) - 'run_id' - 'id' - 'lookup_key' || jsonb_build_object('k', CASE WHEN '{table}' = 'user_claims' THEN NULL ELSE to_jsonb(t) -> 'id' END))::text AS x FROM {table} t) q",
                connection);
            parts.Add($"== {table}\n{await command.ExecuteScalarAsync()}");
        }

        return string.Join('\n', parts);
    }

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
