using System.Text;

namespace OneStop.Benchmarks.Harness;

/// <summary>A small table printed aligned on the console and written as GitHub markdown.</summary>
internal sealed class ResultTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Headers { get; } = headers;

    public void Add(params string[] cells)
    {
        if (cells.Length != Headers.Count)
            throw new ArgumentException($"expected {Headers.Count} cells, got {cells.Length}");
        _rows.Add(cells);
    }

    public string ToConsole()
    {
        var widths = Headers.Select((h, i) => Math.Max(h.Length, _rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            sb.AppendLine(string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))));
        Line(Headers);
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
            Line(row);
        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", Headers).AppendLine(" |");
        sb.Append('|').AppendJoin('|', Headers.Select((_, i) => i == 0 ? " --- " : " ---: ")).AppendLine("|");
        foreach (var row in _rows)
            sb.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        return sb.ToString();
    }
}
