namespace OneStop.Documents.Composition;

/// <summary>Blocks stacked vertically that must stay on the same page.</summary>
public sealed class KeepTogetherBlock(params Block[] blocks) : Block
{
    public IReadOnlyList<Block> Blocks { get; } = blocks;

    internal override double Measure(RenderContext ctx, double width) => Blocks.Sum(b => b.Measure(ctx, width));

    internal override void Draw(RenderContext ctx, double x, double y, double width)
    {
        foreach (var block in Blocks)
        {
            block.Draw(ctx, x, y, width);
            y += block.Measure(ctx, width);
        }
    }
}
