using PdfSharp.Drawing;

namespace OneStop.Documents.Composition;

/// <summary>A short solid horizontal line, centred by default (the rules under agency names and the motto).</summary>
public sealed class RuleBlock(double length, TextAlign align = TextAlign.Center) : Block
{
    public double Length { get; } = length;

    public TextAlign Align { get; } = align;

    public double Thickness { get; init; } = 0.6;

    public double SpaceAbove { get; init; } = 1;

    public double SpaceBelow { get; init; } = 4;

    internal override double Measure(RenderContext ctx, double width) => SpaceAbove + Thickness + SpaceBelow;

    internal override void Draw(RenderContext ctx, double x, double y, double width)
    {
        var length = Math.Min(Length, width);
        var start = Align switch
        {
            TextAlign.Center => x + ((width - length) / 2),
            TextAlign.Right => x + width - length,
            _ => x,
        };
        var lineY = y + SpaceAbove + (Thickness / 2);
        ctx.Gfx.DrawLine(new XPen(XColors.Black, Thickness), start, lineY, start + length, lineY);
    }
}
