using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Tests.Generator;

/// <summary>One row a reader must report: the file, the line where its record starts, its key and kind.</summary>
public sealed record ExpectedIssue(string File, long Line, string Key, IssueKind Kind);
