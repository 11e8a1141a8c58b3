namespace OneStop.Workflows.Runtime;

/// <summary>Performs an action on an open task, with the dossier's current form data for conditions.</summary>
public sealed record PerformActionRequest(Guid InstanceId, Guid TaskId, string ActionId, WorkflowActor Actor)
{
    public string? Comment { get; init; }

    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Extra documents the caller issued with this action, beyond those the definition names.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    public IReadOnlyDictionary<string, object?> FormData { get; init; } = new Dictionary<string, object?>();

    /// <summary>When set, the instance version the user saw; a different current version is a conflict.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>The department the official chose for the next step, for actions that offer a choice (chooseDepartment).</summary>
    public string? Department { get; init; }
}
