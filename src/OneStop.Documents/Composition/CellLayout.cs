namespace OneStop.Documents.Composition;

// A table cell's wrapped lines and how many of them have already been drawn.
internal sealed class CellLayout(List<TextLine> lines, TextAlign align)
{
    private int _start;

    public TextAlign Align { get; } = align;

    public List<TextLine> Lines { get; } = lines;

    public int Remaining => Lines.Count - _start;

    public IEnumerable<TextLine> RemainingLines => Lines.Skip(_start);

    public double RemainingHeight => RemainingLines.Sum(l => l.Height);

    // The lines that fit into the given height, as a new layout for drawing one slice of the row.
    public CellLayout Take(double height)
    {
        var taken = new List<TextLine>();
        double used = 0;
        foreach (var line in RemainingLines)
        {
            if (used + line.Height > height + 0.01)
            {
                break;
            }

            taken.Add(line);
            used += line.Height;
        }

        return new CellLayout(taken, Align);
    }

    public CellLayout TakeFirst() => new(RemainingLines.Take(1).ToList(), Align);

    public void Consume(int count) => _start += count;
}
