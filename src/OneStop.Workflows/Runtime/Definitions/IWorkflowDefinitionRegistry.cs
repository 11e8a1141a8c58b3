using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Runtime.Definitions;

/// <summary>Published, immutable workflow definitions by (id, version).</summary>
public interface IWorkflowDefinitionRegistry
{
    /// <summary>Validates and publishes a definition; republishing identical content is a no-op, different content under the same version throws.</summary>
    void Publish(WorkflowDefinition definition);

    /// <summary>The definition with this id and version, or null.</summary>
    WorkflowDefinition? Find(string id, int version);

    /// <summary>The highest published version of this id, or null.</summary>
    WorkflowDefinition? FindLatest(string id);

    /// <summary>The highest published version of the definition serving this national procedure code, or null.</summary>
    WorkflowDefinition? FindLatestByProcedure(string procedureCode);

    /// <summary>Every published definition.</summary>
    IReadOnlyList<WorkflowDefinition> All { get; }
}
