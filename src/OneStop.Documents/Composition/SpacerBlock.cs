namespace OneStop.Documents.Composition;

/// <summary>Vertical space in points; dropped at the top of a page.</summary>
public sealed class SpacerBlock(double height) : Block
{
    public double Height { get; } = height;

    internal override double Measure(RenderContext ctx, double width) => Height;

    internal override void Draw(RenderContext ctx, double x, double y, double width)
    {
    }

    internal override void Flow(RenderContext ctx, double reserveAfter)
    {
        if (ctx.AtPageTop)
        {
            return;
        }

        ctx.Y = Math.Min(ctx.Y + Height, ctx.Bottom);
    }
}
