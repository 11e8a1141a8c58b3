using Npgsql;
using OneStop.Legacy.Reporting;

namespace OneStop.Infrastructure.Legacy;

/// <summary>The import-run records: an unfinished run of the same bundle is resumed under its id.</summary>
internal static class LegacyRunLog
{
    public static async Task<Guid> StartOrResumeAsync(NpgsqlConnection connection, string bundleKey, LegacyImportRequest request, string source,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var find = new NpgsqlCommand(
            "SELECT id FROM legacy.import_runs WHERE bundle_key = @key AND status <> 'Completed' ORDER BY started_at DESC LIMIT 1", connection))
        {
            find.Parameters.AddWithValue("key", bundleKey);
            if (await find.ExecuteScalarAsync(cancellationToken) is Guid existing)
            {
                await using var resume = new NpgsqlCommand("UPDATE legacy.import_runs SET status = 'Running', error = NULL WHERE id = @id", connection);
                resume.Parameters.AddWithValue("id", existing);
                await resume.ExecuteNonQueryAsync(cancellationToken);
                return existing;
            }
        }

        var id = Guid.NewGuid();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO legacy.import_runs (id, bundle_key, bundle, source_system, started_at, status, started_by)
            VALUES (@id, @key, @bundle, @source, @now, 'Running', @by)
            """, connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("key", bundleKey);
        insert.Parameters.AddWithValue("bundle", Path.GetFileName(Path.TrimEndingDirectorySeparator(request.BundlePath)));
        insert.Parameters.AddWithValue("source", source);
        insert.Parameters.AddWithValue("now", now.ToUniversalTime());
        insert.Parameters.AddWithValue("by", (object?)request.StartedBy ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    public static async Task CompleteAsync(NpgsqlConnection connection, Guid id, ImportReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE legacy.import_runs SET status = 'Completed', finished_at = @now, report_json = @json::jsonb, report_markdown = @md WHERE id = @id
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("json", ImportReportJson.Serialize(report));
        command.Parameters.AddWithValue("md", ImportReportMarkdown.Render(report));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task FailAsync(NpgsqlConnection connection, Guid id, string error, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("UPDATE legacy.import_runs SET status = 'Failed', error = left(@error, 2000) WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("error", error);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException)
        {
            // The connection is gone; the run stays Running and the next run of the bundle resumes it.
        }
    }
}
