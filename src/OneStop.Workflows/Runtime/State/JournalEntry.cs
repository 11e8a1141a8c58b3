namespace OneStop.Workflows.Runtime.State;

/// <summary>One append-only event in an instance's history: who, when, from which step to which, and what was issued.</summary>
public sealed record JournalEntry
{
    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }

    public JournalKind Kind { get; init; }

    public string? ActorId { get; init; }

    public string? ActorRole { get; init; }

    /// <summary>Where the actor acted from (the client's IP address), when the host knew it.</summary>
    public string? ActorAddress { get; init; }

    public Guid? TaskId { get; init; }

    public string? FromStep { get; init; }

    public string? ToStep { get; init; }

    public string? ActionId { get; init; }

    public string? ActionLabel { get; init; }

    public string? Comment { get; init; }

    /// <summary>The department the actor chose for the next step, when the action offered a choice.</summary>
    public string? Department { get; init; }

    public IReadOnlyList<string> Files { get; init; } = [];

    public IReadOnlyList<string> Documents { get; init; } = [];
}
