using OneStop.Benchmarks.Harness;

namespace OneStop.Benchmarks.Workflow;

/// <summary>The stores <c>--store</c> can name.</summary>
internal static class WorkflowStoreProviders
{
    public static IReadOnlyList<string> Names { get; } = ["memory", "postgres"];

    /// <summary>Creates the named provider, or explains why it cannot.</summary>
    public static IWorkflowStoreProvider Create(RunnerOptions options) => options.Store switch
    {
        "memory" => new InMemoryStoreProvider(),
        "postgres" => new PostgresStoreProvider(),
        _ => throw new ArgumentException($"unknown store '{options.Store}'; known: {string.Join(", ", Names)}"),
    };
}
