namespace OneStop.Legacy.Tests.Generator;

/// <summary>Writes one RFC 4180 CSV file (CRLF, quoting only when needed) and knows the line each record starts on.</summary>
public sealed class GeneratorCsvWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly bool _legacy;
    private readonly char _delimiter;
    private readonly int[] _order;
    private readonly bool _extraColumn;
    private readonly string[] _buffer;

    public GeneratorCsvWriter(string path, IReadOnlyList<string> columns, BundleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(spec);
        _writer = new StreamWriter(path, append: false, LegacyText.Encoding(spec.Encoding), bufferSize: 1 << 16) { NewLine = "\r\n" };
        _legacy = spec.Encoding == BundleEncoding.Windows1258;
        _delimiter = spec.Delimiter;
        _order = spec.ShuffleColumns ? [.. Enumerable.Range(0, columns.Count).Reverse()] : [.. Enumerable.Range(0, columns.Count)];
        _extraColumn = spec.ShuffleColumns;
        _buffer = new string[columns.Count];
        WriteRaw(Header(columns));
    }

    /// <summary>The line the next record starts on.</summary>
    public long NextLine { get; private set; } = 1;

    /// <summary>The number of records written (the header excluded).</summary>
    public long Records { get; private set; }

    /// <summary>Writes a record given in the canonical column order and returns the line it starts on.</summary>
    public long Write(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < _order.Length; i++)
        {
            _buffer[i] = values[_order[i]] ?? string.Empty;
        }

        Records++;
        return WriteRaw(_extraColumn ? [.. _buffer, "x"] : _buffer);
    }

    public void Dispose() => _writer.Dispose();

    private string[] Header(IReadOnlyList<string> columns)
    {
        var header = _order.Select(i => columns[i]).ToList();
        if (_extraColumn)
        {
            header.Add("cot_them");
        }

        return [.. header];
    }

    private long WriteRaw(string[] fields)
    {
        var line = NextLine;
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(_delimiter);
            }

            var value = _legacy ? LegacyText.ToWindows1258Form(fields[i]) : fields[i];
            if (value.AsSpan().IndexOfAny([_delimiter, '"', '\r', '\n']) >= 0)
            {
                _writer.Write('"');
                _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                _writer.Write('"');
                NextLine += LineBreaks(value);
            }
            else
            {
                _writer.Write(value);
            }
        }

        _writer.WriteLine();
        NextLine++;
        return line;
    }

    private static int LineBreaks(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\n' || (value[i] == '\r' && (i + 1 == value.Length || value[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }
}
