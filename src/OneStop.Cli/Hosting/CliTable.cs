using Spectre.Console;

namespace OneStop.Cli.Hosting;

/// <summary>A table: drawn with borders on a terminal, in plain aligned columns (no borders, never wrapped) otherwise.</summary>
internal sealed class CliTable(string title, params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public CliTable AddRow(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void Write()
    {
        if (CliConsole.Plain)
        {
            WritePlain(Console.Out);
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
    }

    internal void WritePlain(TextWriter output)
    {
        var widths = columns.Select((c, i) => Math.Max(c.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        output.WriteLine(title);
        output.WriteLine(Line(columns));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            output.WriteLine(Line(row));
        }

        string Line(string[] cells) => string.Join("  ", widths.Select((w, i) =>
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            // Text to the left, figures to the right, as in any printed table.
            return i > 0 && cell.Length > 0 && (char.IsDigit(cell[0]) || cell == "—") ? cell.PadLeft(w) : cell.PadRight(w);
        })).TrimEnd();
    }
}
