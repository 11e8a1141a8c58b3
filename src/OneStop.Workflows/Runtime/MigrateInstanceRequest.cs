namespace OneStop.Workflows.Runtime;

/// <summary>Moves an instance to another version of its definition; steps not in the mapping keep their id.</summary>
public sealed record MigrateInstanceRequest(Guid InstanceId, int TargetVersion, WorkflowActor Actor)
{
    public IReadOnlyDictionary<string, string> StepMapping { get; init; } = new Dictionary<string, string>();

    public string? Comment { get; init; }
}
