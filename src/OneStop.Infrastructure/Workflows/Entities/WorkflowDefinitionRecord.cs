namespace OneStop.Infrastructure.Workflows.Entities;

/// <summary>A published, immutable version of a workflow definition.</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public required string Json { get; init; }
    public required string Sha256 { get; init; }
    public required string[] Procedures { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public string? PublishedBy { get; init; }
}
