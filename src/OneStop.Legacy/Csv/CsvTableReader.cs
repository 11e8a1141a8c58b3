using CsvHelper;
using OneStop.Core.Common;
using OneStop.Legacy.Bundles;

namespace OneStop.Legacy.Csv;

/// <summary>Streams one table's CSV: columns by header name, values trimmed and NFC, the line where each record starts.</summary>
internal sealed class CsvTableReader : IAsyncDisposable
{
    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns;
    private readonly int _headerCount;
    private readonly MalformedLines _malformed;

    private CsvTableReader(TableSchema schema, string file, CsvReader reader, Dictionary<string, int> columns, int headerCount, MalformedLines malformed)
    {
        Schema = schema;
        File = file;
        _reader = reader;
        _columns = columns;
        _headerCount = headerCount;
        _malformed = malformed;
    }

    public TableSchema Schema { get; }

    public string File { get; }

    /// <summary>The 1-based line where the current record starts (the header is line 1).</summary>
    public long Line => _reader.LineNumber;

    public bool HasHeaderFieldCount => _reader.FieldCount == _headerCount;

    public int FieldCount => _reader.FieldCount;

    public int HeaderFieldCount => _headerCount;

    /// <summary>Whether the current record opens a quote that is never closed, so that it swallowed the rest of the file.</summary>
    public bool HasUnterminatedQuote => _malformed.UnterminatedQuoteLine == Line;

    /// <summary>Opens the table and checks its header, or throws <see cref="BundleException"/>.</summary>
    public static async Task<CsvTableReader> OpenAsync(LegacyBundle bundle, TableSchema schema, CancellationToken cancellationToken)
    {
        var file = bundle.FileOf(schema.Table);
        var malformed = new MalformedLines();
        var options = CsvReaderOptions.Default with
        {
            Separator = bundle.Manifest.Delimiter,
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            Encoding = bundle.Encoding,
            OnMalformedRecord = malformed.Record,
        };
        var reader = CsvReader.Create(bundle.OpenTable(schema.Table), options, leaveOpen: false);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var column in schema.Columns)
            {
                if (reader.TryGetFieldIndex(column, out var index))
                {
                    columns[column] = index;
                }
                else
                {
                    missing.Add(column);
                }
            }

            if (missing.Count > 0)
            {
                var list = string.Join(", ", missing);
                throw BundleException.Of($"Tệp '{file}' thiếu cột: {list}", $"File '{file}' lacks the column(s): {list}");
            }

            return new CsvTableReader(schema, file, reader, columns, reader.Headers.Count, malformed);
        }
        catch (Exception ex) when (ex is not BundleException and not OperationCanceledException)
        {
            await reader.DisposeAsync();
            throw BundleException.Of($"Không đọc được tiêu đề của tệp '{file}'", $"Cannot read the header of '{file}'", ex);
        }
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => _reader.ReadAsync(cancellationToken);

    /// <summary>The trimmed, NFC value of a column of the current record; empty when the record is short.</summary>
    public string Get(string column)
    {
        var index = _columns[column];
        return index < _reader.FieldCount ? Text.Clean(_reader.GetString(index)) : string.Empty;
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private sealed class MalformedLines
    {
        public long UnterminatedQuoteLine { get; private set; } = -1;

        public void Record(CsvMalformedRecord record)
        {
            if (record.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                UnterminatedQuoteLine = record.LineNumber;
            }
        }
    }
}
