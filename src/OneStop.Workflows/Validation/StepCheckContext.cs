using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Validation;

internal sealed record StepCheckContext(
    WorkflowDefinition Definition,
    IReadOnlyDictionary<string, int> Index,
    IReadOnlySet<string> KnownInputs,
    OrganisationCatalog? Catalog,
    ProblemList Problems);
