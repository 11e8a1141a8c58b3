namespace OneStop.Documents.Composition;

/// <summary>A piece of page content that can measure itself, draw itself and flow across pages.</summary>
public abstract class Block
{
    internal abstract double Measure(RenderContext ctx, double width);

    internal abstract void Draw(RenderContext ctx, double x, double y, double width);

    /// <summary>Default flow: the block is kept together and moves to a new page when it does not fit.</summary>
    internal virtual void Flow(RenderContext ctx)
    {
        var height = Measure(ctx, ctx.ContentWidth);
        ctx.EnsureSpace(height);
        Draw(ctx, ctx.Left, ctx.Y, ctx.ContentWidth);
        ctx.Y += height;
    }
}
