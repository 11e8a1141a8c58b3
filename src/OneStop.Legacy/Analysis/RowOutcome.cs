namespace OneStop.Legacy.Analysis;

/// <summary>The one count a row read ends up in.</summary>
internal enum RowOutcome
{
    Imported,
    Superseded,
    Orphaned,
    ParentRejected,
    Rejected,
}
