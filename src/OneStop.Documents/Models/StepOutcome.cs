namespace OneStop.Documents.Models;

/// <summary>How a step or the whole dossier finished against its deadline.</summary>
public enum StepOutcome
{
    Pending,
    Early,
    OnTime,
    Late,
}
