namespace OneStop.Documents.Composition;

/// <summary>Everything needed to compose one PDF: page settings, body blocks, footer and metadata.</summary>
public sealed class DocumentLayout
{
    public PageSettings Page { get; init; } = PageSettings.A4Portrait;

    public List<Block> Blocks { get; } = [];

    /// <summary>Small text drawn at the bottom of the content area of every page.</summary>
    public string? Footer { get; init; }

    /// <summary>Whether pages from the second on carry their number at the top centre.</summary>
    public bool NumberPagesFromSecond { get; init; } = true;

    public string Title { get; init; } = "";

    public string Author { get; init; } = "";

    public string Subject { get; init; } = "";

    public DocumentLayout Add(Block block)
    {
        Blocks.Add(block);
        return this;
    }
}
