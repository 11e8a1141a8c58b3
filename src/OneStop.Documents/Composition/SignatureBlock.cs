namespace OneStop.Documents.Composition;

/// <summary>Signature columns kept together: one signer sits in the right half, several share the width.</summary>
public sealed class SignatureBlock : Block
{
    private readonly ColumnsBlock _columns;

    public SignatureBlock(IReadOnlyList<Signatory> signatories, IReadOnlyList<Block>? leftBlocks = null, double signingSpace = 62)
    {
        var columns = signatories.Select(s => new Column(1, BlocksFor(s, signingSpace))).ToList();
        if (signatories.Count == 1)
        {
            columns.Insert(0, new Column(1, leftBlocks ?? []));
        }

        _columns = new ColumnsBlock([.. columns]);

        // Decree 30 practice: a signature never opens a page on its own.
        KeepWithPrevious = true;
    }

    /// <summary>Space above the block, in points.</summary>
    public double SpaceBefore { get; init; } = 10;

    internal override double Measure(RenderContext ctx, double width) => SpaceBefore + _columns.Measure(ctx, width);

    internal override void Draw(RenderContext ctx, double x, double y, double width) =>
        _columns.Draw(ctx, x, y + SpaceBefore, width);

    private static List<Block> BlocksFor(Signatory s, double signingSpace)
    {
        var blocks = new List<Block>
        {
            new Paragraph(s.Title, new TextStyle(13, Bold: true), TextAlign.Center) { SpaceAfter = 0 },
        };
        if (!string.IsNullOrWhiteSpace(s.Note))
        {
            blocks.Add(new Paragraph(s.Note, new TextStyle(12, Italic: true), TextAlign.Center) { SpaceAfter = 0 });
        }

        blocks.Add(new SigningSpaceBlock(signingSpace, s.SlotKey));
        if (!string.IsNullOrWhiteSpace(s.Name))
        {
            blocks.Add(new Paragraph(s.Name, new TextStyle(13, Bold: true), TextAlign.Center) { SpaceAfter = 0 });
        }

        return blocks;
    }
}
