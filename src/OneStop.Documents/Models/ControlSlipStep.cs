namespace OneStop.Documents.Models;

/// <summary>One hand-over in the control slip: from whom to whom, when, and how it went against its deadline.</summary>
public sealed record ControlSlipStep(
    string StepName,
    string HandedOverBy,
    string FromUnit,
    string ReceivedBy,
    string ToUnit,
    DateTimeOffset HandedOverAt,
    DateTimeOffset? DueAt,
    StepOutcome Outcome,
    string? Note = null);
