using Npgsql;
using OneStop.Legacy.Reporting;

namespace OneStop.Infrastructure.Legacy;

/// <summary>The import-run records: an unfinished run of the same bundle is resumed under its id.</summary>
internal static class LegacyRunLog
{
    private const int MaxStoredChars = 32 * 1024 * 1024;

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

        // jsonb holds at most 256 MB: a huge issue list stays in the --report files and the database keeps the counters. The size is
        // measured by serialising into a counting stream, so that a report of a million issues is never held as one string (which,
        // with its Markdown twin, made most of the 1,000,000-dossier run's peak working set).
        var counter = new CountingStream();
        await ImportReportJson.WriteAsync(report, counter, cancellationToken);
        var json = counter.Length <= MaxStoredChars
            ? ImportReportJson.Serialize(report)
            : System.Text.Json.JsonSerializer.Serialize(new
            {
                report.Bundle, report.SourceSystem, report.DryRun, report.StartedAt, report.FinishedAt, report.Tables, IssuesOmitted = report.Issues.Count,
            }, ImportReportJson.Options);
        var markdown = new BoundedWriter(MaxStoredChars);
        ImportReportMarkdown.Write(report, markdown);
        var text = markdown.ToString();
        if (markdown.Truncated)
        {
            text += "\n\n… (báo cáo quá dài, phần còn lại ở tệp report.md của lệnh nhập)";
        }

        command.Parameters.AddWithValue("json", json);
        command.Parameters.AddWithValue("md", text);
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

    /// <summary>A write-only stream that only counts bytes.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A StringWriter that keeps the first <c>max</c> characters and drops the rest (it writes to its builder itself).</summary>
    private sealed class BoundedWriter(int max) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public bool Truncated { get; private set; }

        public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(ReadOnlySpan<char> buffer)
        {
            var builder = GetStringBuilder();
            var room = Math.Max(max - builder.Length, 0);
            if (buffer.Length > room)
            {
                Truncated = true;
                buffer = buffer[..room];
            }

            builder.Append(buffer);
        }

        public override void WriteLine(ReadOnlySpan<char> buffer)
        {
            Write(buffer);
            Write(CoreNewLine);
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write(CoreNewLine);
        }

        public override void WriteLine()
        {
            Write(CoreNewLine);
        }
    }
}
