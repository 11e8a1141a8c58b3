using PdfSharp.Drawing;

namespace OneStop.Documents.Composition;

/// <summary>A bordered table whose rows wrap, break across pages and repeat the header row on each page.</summary>
public sealed class TableBlock(IReadOnlyList<TableColumn> columns) : Block
{
    private static readonly XPen Border = new(XColors.Black, 0.5);

    public IReadOnlyList<TableColumn> Columns { get; } = columns;

    public List<IReadOnlyList<TableCell>> Rows { get; } = [];

    public TextStyle HeaderStyle { get; init; } = new(12, Bold: true);

    public TextStyle BodyStyle { get; init; } = new(12);

    public double Padding { get; init; } = 3;

    public bool RepeatHeader { get; init; } = true;

    /// <summary>Whether the header row is drawn at all (off for label/value tables).</summary>
    public bool ShowHeader { get; init; } = true;

    public double SpaceBefore { get; init; } = 3;

    public double SpaceAfter { get; init; } = 6;

    public TableBlock AddRow(params TableCell[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Expected {Columns.Count} cells, got {cells.Length}.", nameof(cells));
        }

        Rows.Add(cells);
        return this;
    }

    internal override double Measure(RenderContext ctx, double width)
    {
        var widths = Widths(width);
        return SpaceBefore + RowHeight(Header(ctx, widths)) + Rows.Sum(r => RowHeight(Body(ctx, widths, r))) + SpaceAfter;
    }

    internal override void Draw(RenderContext ctx, double x, double y, double width)
    {
        var widths = Widths(width);
        var top = y + SpaceBefore;
        top += DrawSlice(ctx, x, top, widths, Header(ctx, widths), header: true);
        foreach (var row in Rows)
        {
            top += DrawSlice(ctx, x, top, widths, Body(ctx, widths, row), header: false);
        }
    }

    internal override void Flow(RenderContext ctx, double reserveAfter)
    {
        var widths = Widths(ctx.ContentWidth);
        var header = Header(ctx, widths);
        var headerHeight = RowHeight(header);
        var first = Rows.Count > 0 ? FirstLineHeight(Body(ctx, widths, Rows[0])) : 0;
        ctx.EnsureSpace(SpaceBefore + headerHeight + first);
        if (!ctx.AtPageTop)
        {
            ctx.Y += SpaceBefore;
        }

        ctx.Y += DrawSlice(ctx, ctx.Left, ctx.Y, widths, header, header: true);
        foreach (var row in Rows)
        {
            FlowRow(ctx, widths, Body(ctx, widths, row), header, headerHeight);
        }

        ctx.Y += SpaceAfter;
    }

    private void FlowRow(RenderContext ctx, double[] widths, List<CellLayout> cells, List<CellLayout> header, double headerHeight)
    {
        var fresh = ctx.ContentHeight - headerHeight;
        var splitStarted = false;
        while (cells.Any(c => c.Remaining > 0))
        {
            var need = RowHeight(cells);
            var avail = ctx.Bottom - ctx.Y;
            if (need <= avail + 0.01)
            {
                ctx.Y += DrawSlice(ctx, ctx.Left, ctx.Y, widths, cells, header: false);
                return;
            }

            var nothingFits = FirstLineHeight(cells) + (2 * Padding) > avail;
            var freshPage = ctx.Y <= ctx.Top + headerHeight + 0.01;
            if (nothingFits && freshPage)
            {
                // A single line taller than a page cannot be split further: draw it and let it overflow rather than loop.
                var first = cells.Select(c => c.TakeFirst()).ToList();
                ctx.Y += DrawSlice(ctx, ctx.Left, ctx.Y, widths, first, header: false);
                cells.ForEach(c => c.Consume(Math.Min(1, c.Remaining)));
                continue;
            }

            if (nothingFits || (!splitStarted && need <= fresh))
            {
                NewPage(ctx, widths, header);
                continue;
            }

            splitStarted = true;
            var slice = cells.Select(c => c.Take(avail - (2 * Padding))).ToList();
            ctx.Y += DrawSlice(ctx, ctx.Left, ctx.Y, widths, slice, header: false);
            foreach (var c in cells)
            {
                c.Consume(c.Take(avail - (2 * Padding)).Lines.Count);
            }

            NewPage(ctx, widths, header);
        }
    }

    private void NewPage(RenderContext ctx, double[] widths, List<CellLayout> header)
    {
        ctx.NewPage();
        if (RepeatHeader && header.Count > 0)
        {
            ctx.Y += DrawSlice(ctx, ctx.Left, ctx.Y, widths, header, header: true);
        }
    }

    private double DrawSlice(RenderContext ctx, double x, double y, double[] widths, List<CellLayout> cells, bool header)
    {
        var height = RowHeight(cells);
        var left = x;
        for (var i = 0; i < cells.Count; i++)
        {
            ctx.Gfx.DrawRectangle(Border, left, y, widths[i], height);
            var content = cells[i].RemainingHeight;
            var top = y + Padding + (header ? Math.Max(0, (height - (2 * Padding) - content) / 2) : 0);
            foreach (var line in cells[i].RemainingLines)
            {
                LinePainter.Draw(ctx, line, left + Padding, top, widths[i] - (2 * Padding), cells[i].Align);
                top += line.Height;
            }

            left += widths[i];
        }

        return height;
    }

    private double RowHeight(List<CellLayout> cells) => cells.Count == 0 ? 0 : cells.Max(c => c.RemainingHeight) + (2 * Padding);

    private static double FirstLineHeight(List<CellLayout> cells) =>
        cells.Max(c => c.Remaining > 0 ? c.RemainingLines.First().Height : 0);

    private double[] Widths(double width)
    {
        var total = Columns.Sum(c => c.Weight);
        return Columns.Select(c => width * c.Weight / total).ToArray();
    }

    private List<CellLayout> Header(RenderContext ctx, double[] widths) => !ShowHeader ? [] :
        Columns.Select((c, i) => Layout(ctx, widths[i], c.Header, HeaderStyle, TextAlign.Center)).ToList();

    private List<CellLayout> Body(RenderContext ctx, double[] widths, IReadOnlyList<TableCell> row) =>
        row.Select((c, i) => Layout(ctx, widths[i], c.Text, c.Style ?? BodyStyle, c.Align ?? Columns[i].Align)).ToList();

    private CellLayout Layout(RenderContext ctx, double width, string text, TextStyle style, TextAlign align) =>
        new(LineBreaker.Break(ctx, [new TextRun(text, style)], width - (2 * Padding), 0, 1.0), align);
}
