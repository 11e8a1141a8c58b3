namespace OneStop.Infrastructure.Workflows.Entities;

/// <summary>A side effect written in the same transaction as the transition, delivered afterwards at least once.</summary>
public sealed class WorkflowOutboxRecord
{
    public long Id { get; init; }
    public required Guid InstanceId { get; init; }
    public required string DossierCode { get; init; }
    public required string Kind { get; init; }
    public required string Payload { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset AvailableAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
