namespace OneStop.Infrastructure.Workflows.Entities;

/// <summary>A workflow instance: its full state as jsonb plus the columns queries filter on.</summary>
public sealed class WorkflowInstanceRecord
{
    public required Guid Id { get; init; }
    public required string DossierCode { get; init; }
    public required string DefinitionId { get; set; }
    public required int DefinitionVersion { get; set; }
    public required string Status { get; set; }
    public required long Version { get; set; }
    public required string ReceivingAgency { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset? TotalDueAt { get; set; }
    public bool IsOverdue { get; set; }
    public string? Outcome { get; set; }
    public required string State { get; set; }
}
