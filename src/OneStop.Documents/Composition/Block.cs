namespace OneStop.Documents.Composition;

/// <summary>A piece of page content that can measure itself, draw itself and flow across pages.</summary>
public abstract class Block
{
    internal abstract double Measure(RenderContext ctx, double width);

    internal abstract void Draw(RenderContext ctx, double x, double y, double width);

    /// <summary>Whether this block must end on the same page as the start of the next one (e.g. the line before a signature).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Whether this block must start on the same page as the end of the previous one.</summary>
    public bool KeepWithPrevious { get; init; }

    // Default flow: the block is kept together and moves to a new page when it does not fit;
    // reserveAfter is the height the next block needs on the same page when KeepWithNext is set.
    internal virtual void Flow(RenderContext ctx, double reserveAfter)
    {
        var height = Measure(ctx, ctx.ContentWidth);
        ctx.EnsureSpace(height + reserveAfter);
        Draw(ctx, ctx.Left, ctx.Y, ctx.ContentWidth);
        ctx.Y += height;
    }
}
