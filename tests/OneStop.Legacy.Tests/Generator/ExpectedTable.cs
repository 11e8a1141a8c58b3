namespace OneStop.Legacy.Tests.Generator;

/// <summary>The counts a reader must report for one table of a generated bundle (unchanged is the writer's business).</summary>
public sealed record ExpectedTable(long Read, long Imported, long Superseded, long Orphaned, long ParentRejected, long Rejected, long Warnings);
