namespace OneStop.Workflows.Definitions;

/// <summary>What the procedure clock does when the applicant resubmits after a supplement request.</summary>
public enum ClockMode
{
    Resume,
    Restart,
}
