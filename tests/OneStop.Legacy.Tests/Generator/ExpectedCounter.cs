namespace OneStop.Legacy.Tests.Generator;

/// <summary>Counts what a reader must report for one table while it is being written.</summary>
internal sealed class ExpectedCounter
{
    public long Read { get; set; }

    public long Superseded { get; set; }

    public long Orphaned { get; set; }

    public long ParentRejected { get; set; }

    public long Rejected { get; set; }

    public long Warnings { get; set; }

    public ExpectedTable ToTable() =>
        new(Read, Read - Superseded - Orphaned - ParentRejected - Rejected, Superseded, Orphaned, ParentRejected, Rejected, Warnings);
}
