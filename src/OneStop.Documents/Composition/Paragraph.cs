namespace OneStop.Documents.Composition;

/// <summary>Wrapped text made of styled runs; flows across pages line by line.</summary>
public sealed class Paragraph : Block
{
    private (double Width, List<TextLine> Lines)? _layout;

    public Paragraph(params TextRun[] runs)
    {
        Runs = runs;
    }

    public Paragraph(string text, TextStyle? style = null, TextAlign align = TextAlign.Left)
        : this(new TextRun(text, style ?? TextStyle.Body))
    {
        Align = align;
    }

    public IReadOnlyList<TextRun> Runs { get; }

    public TextAlign Align { get; init; } = TextAlign.Left;

    public double FirstLineIndent { get; init; }

    public double LeftIndent { get; init; }

    public double SpaceBefore { get; init; }

    public double SpaceAfter { get; init; } = 3;

    /// <summary>Multiplier on the font's own line spacing (1.0 = single).</summary>
    public double LineSpacing { get; init; } = 1.0;

    /// <summary>Whether wrapped lines are evened out (e.g. "ỦY BAN NHÂN DÂN / TỈNH LẠNG SƠN" rather than a lone last word).</summary>
    public bool Balance { get; init; }

    /// <summary>Whether the whole paragraph must stay on one page.</summary>
    public bool KeepTogether { get; init; }

    internal List<TextLine> Lines(RenderContext ctx, double width)
    {
        if (_layout is { } cached && Math.Abs(cached.Width - width) < 0.001)
        {
            return cached.Lines;
        }

        var lines = LineBreaker.Break(ctx, Runs, width - LeftIndent, FirstLineIndent, LineSpacing);
        if (Balance && lines.Count > 1)
        {
            lines = Balanced(ctx, width - LeftIndent, lines.Count);
        }

        _layout = (width, lines);
        return lines;
    }

    private List<TextLine> Balanced(RenderContext ctx, double width, int count)
    {
        // The narrowest width that still gives the same number of lines spreads the words evenly.
        double lo = width / count, hi = width;
        for (var i = 0; i < 12; i++)
        {
            var mid = (lo + hi) / 2;
            if (LineBreaker.Break(ctx, Runs, mid, FirstLineIndent, LineSpacing).Count <= count)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return LineBreaker.Break(ctx, Runs, hi, FirstLineIndent, LineSpacing);
    }

    internal override double Measure(RenderContext ctx, double width) =>
        SpaceBefore + Lines(ctx, width).Sum(l => l.Height) + SpaceAfter;

    internal override void Draw(RenderContext ctx, double x, double y, double width)
    {
        var top = y + SpaceBefore;
        foreach (var line in Lines(ctx, width))
        {
            LinePainter.Draw(ctx, line, x + LeftIndent, top, width - LeftIndent, Align);
            top += line.Height;
        }
    }

    internal override void Flow(RenderContext ctx, double reserveAfter)
    {
        if (KeepTogether)
        {
            base.Flow(ctx, reserveAfter);
            return;
        }

        var lines = Lines(ctx, ctx.ContentWidth);
        var head = lines.Take(2).Sum(l => l.Height);
        ctx.EnsureSpace(SpaceBefore + head);
        if (!ctx.AtPageTop)
        {
            ctx.Y += SpaceBefore;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            ctx.EnsureSpace(line.Height + (i == lines.Count - 1 ? SpaceAfter + reserveAfter : 0));
            LinePainter.Draw(ctx, line, ctx.Left + LeftIndent, ctx.Y, ctx.ContentWidth - LeftIndent, Align);
            ctx.Y += line.Height;
        }

        ctx.Y += SpaceAfter;
    }
}
