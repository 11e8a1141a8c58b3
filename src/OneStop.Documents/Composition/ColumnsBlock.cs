namespace OneStop.Documents.Composition;

/// <summary>Side-by-side columns (header blocks, signatures); kept together on one page.</summary>
public sealed class ColumnsBlock(params Column[] columns) : Block
{
    public IReadOnlyList<Column> Columns { get; } = columns;

    /// <summary>Horizontal space between columns in points.</summary>
    public double Gap { get; init; } = 6;

    internal override double Measure(RenderContext ctx, double width)
    {
        double max = 0;
        foreach (var (column, _, w) in Place(width))
        {
            max = Math.Max(max, column.Blocks.Sum(b => b.Measure(ctx, w)));
        }

        return max;
    }

    internal override void Draw(RenderContext ctx, double x, double y, double width)
    {
        foreach (var (column, offset, w) in Place(width))
        {
            var top = y;
            foreach (var block in column.Blocks)
            {
                block.Draw(ctx, x + offset, top, w);
                top += block.Measure(ctx, w);
            }
        }
    }

    private IEnumerable<(Column Column, double Offset, double Width)> Place(double width)
    {
        var total = Columns.Sum(c => c.Weight);
        var usable = width - (Gap * Math.Max(0, Columns.Count - 1));
        double offset = 0;
        foreach (var column in Columns)
        {
            var w = usable * column.Weight / total;
            yield return (column, offset, w);
            offset += w + Gap;
        }
    }
}
