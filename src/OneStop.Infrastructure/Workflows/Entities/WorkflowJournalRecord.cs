using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Workflows.Entities;

/// <summary>One append-only journal entry (a trigger refuses updates and deletes).</summary>
public sealed class WorkflowJournalRecord
{
    public required Guid InstanceId { get; init; }
    public required long Sequence { get; init; }
    public required string DossierCode { get; init; }
    public required DateTimeOffset At { get; init; }
    public required JournalKind Kind { get; init; }
    public string? ActorId { get; init; }
    public string? ActorRole { get; init; }

    /// <summary>The client's IP address the action came from (IPv6 at most 45 characters).</summary>
    public string? ActorAddress { get; init; }
    public Guid? TaskId { get; init; }
    public string? FromStep { get; init; }
    public string? ToStep { get; init; }
    public string? ActionId { get; init; }
    public string? ActionLabel { get; init; }
    public string? Comment { get; init; }
    public required string[] Files { get; init; }
    public required string[] Documents { get; init; }
}
