namespace OneStop.Legacy.Reporting;

/// <summary>Error: the row was not imported; warning: the row was imported with a caveat.</summary>
public enum IssueSeverity
{
    Warning,
    Error,
}
