using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Records;

/// <summary>A row ready to import, with the warnings reported for it (already in the report).</summary>
public sealed record AcceptedRow<T>(T Row, IReadOnlyList<ImportIssue> Warnings)
    where T : notnull;
