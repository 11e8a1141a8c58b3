using System.Collections.Concurrent;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Runtime.Definitions;

/// <summary>An in-memory registry; the host fills it at start from files or the database.</summary>
public sealed class WorkflowDefinitionRegistry(OrganisationCatalog? catalog = null) : IWorkflowDefinitionRegistry
{
    private readonly ConcurrentDictionary<(string Id, int Version), (WorkflowDefinition Definition, string Json)> _items = new();

    public IReadOnlyList<WorkflowDefinition> All =>
        _items.Values.Select(v => v.Definition).OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version).ToList();

    public void Publish(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = WorkflowValidator.Validate(definition, catalog);
        if (problems.Count > 0)
            throw new WorkflowValidationException(problems);

        // A private copy, so later edits to the caller's object cannot change a published version.
        var json = WorkflowLoader.Write(definition);
        var copy = WorkflowLoader.LoadValid(json, catalog);
        var stored = _items.GetOrAdd((copy.Id, copy.Version), (copy, json));
        if (!string.Equals(stored.Json, json, StringComparison.Ordinal))
            throw new DefinitionConflictException(copy.Id, copy.Version);
    }

    public WorkflowDefinition? Find(string id, int version) =>
        _items.TryGetValue((id, version), out var item) ? item.Definition : null;

    public WorkflowDefinition? FindLatest(string id) =>
        _items.Values.Select(v => v.Definition).Where(d => d.Id == id).MaxBy(d => d.Version);

    public WorkflowDefinition? FindLatestByProcedure(string procedureCode) =>
        _items.Values.Select(v => v.Definition).Where(d => d.Procedures.Contains(procedureCode))
            .OrderByDescending(d => d.Version).FirstOrDefault();
}
