using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Simulation;

/// <summary>The walk of a sample dossier through a draft, with its dates on the working-day calendar and the deadline checks.</summary>
public sealed record SimulationResult(IReadOnlyList<SimulatedStep> Steps, IReadOnlyList<string> Warnings)
{
    public DateTimeOffset Start { get; init; }

    /// <summary>When counting started (the next working morning after the cut-off or a day off).</summary>
    public DateTimeOffset CountingStart { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public EndOutcome? Outcome { get; init; }

    public string? EndStepId { get; init; }

    /// <summary>Working days used from the counting start to the end (or to the last action when it did not end).</summary>
    public decimal WorkingDaysUsed { get; init; }

    /// <summary>The due date of the definition's totalDuration, if it has one.</summary>
    public DateTimeOffset? TotalDueAt { get; init; }

    /// <summary>The legal deadline (the procedure's processing days from the counting start), if known.</summary>
    public DateTimeOffset? LegalDueAt { get; init; }

    /// <summary>Whether the walk ended by the legal deadline; null when the deadline is unknown or the walk did not end.</summary>
    public bool? FitsLegalDeadline { get; init; }

    /// <summary>Whether the definition's totalDuration is within the legal deadline; null when either is missing.</summary>
    public bool? TotalDurationWithinLegal { get; init; }
}
