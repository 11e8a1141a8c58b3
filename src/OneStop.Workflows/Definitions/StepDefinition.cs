namespace OneStop.Workflows.Definitions;

/// <summary>A step of a workflow; which properties apply depends on its kind.</summary>
public sealed class StepDefinition
{
    public string Id { get; set; } = "";

    public StepKind Kind { get; set; }

    public string Name { get; set; } = "";

    public AssigneeDefinition? Assignee { get; set; }

    public string? Duration { get; set; }

    public string? ReminderBefore { get; set; }

    /// <summary>Working time after a task step's deadline before its leaders are alerted (escalation); at the deadline when absent.</summary>
    public string? EscalateAfter { get; set; }

    public List<ActionDefinition> Actions { get; set; } = [];

    public ClockMode Clock { get; set; } = ClockMode.Resume;

    public List<string> Branches { get; set; } = [];

    public JoinMode Join { get; set; } = JoinMode.All;

    public string? JoinStep { get; set; }

    public string? Next { get; set; }

    public List<AutoOperation> Do { get; set; } = [];

    public EndOutcome? Outcome { get; set; }

    /// <summary>Whether people act on this step (task or supplement).</summary>
    public bool IsHuman => Kind is StepKind.Task or StepKind.Supplement;
}
