namespace OneStop.Workflows.Definitions;

/// <summary>How a dossier's processing ended.</summary>
public enum EndOutcome
{
    Completed,
    Rejected,
    Withdrawn,
    Cancelled,
    Transferred,
}
