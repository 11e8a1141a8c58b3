namespace OneStop.Infrastructure.Workflows;

/// <summary>Workflow hosting settings (section "Workflows").</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>The folder of workflow definition files published by the seed; relative paths are searched upwards from the app.</summary>
    public string Directory { get; set; } = "workflows";

    /// <summary>Whether this host runs the timer and outbox loops (every host may; rows are locked, so each fires once).</summary>
    public bool BackgroundProcessing { get; set; } = true;

    /// <summary>Seconds between polls for due timers and pending effects.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>
    /// Whether effects and e-mails a transaction queues are applied on this host as soon as it commits (the poll stays the safety net).
    /// Off only to measure the difference (benchmark document-latency).
    /// </summary>
    public bool WakeOnCommit { get; set; } = true;
}
