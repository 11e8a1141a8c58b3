namespace OneStop.Documents.Composition;

/// <summary>One column of a <see cref="ColumnsBlock"/>: a relative width and the blocks stacked in it.</summary>
public sealed record Column(double Weight, IReadOnlyList<Block> Blocks);
