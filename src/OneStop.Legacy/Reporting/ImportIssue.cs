namespace OneStop.Legacy.Reporting;

/// <summary>One reported row: its file, the line where its CSV record starts, its key, and why (message in Vietnamese).</summary>
public sealed record ImportIssue(string File, long Line, string Key, IssueSeverity Severity, IssueKind Kind, string Message);
