using OneStop.Benchmarks.Harness;

namespace OneStop.Benchmarks.Workflow;

/// <summary>The stores <c>--store</c> can name. Add the PostgreSQL provider here when it exists (see docs/PERFORMANCE.md).</summary>
internal static class WorkflowStoreProviders
{
    public static IReadOnlyList<string> Names { get; } = ["memory", "postgres"];

    /// <summary>Creates the named provider, or explains why it cannot.</summary>
    public static IWorkflowStoreProvider Create(RunnerOptions options) => options.Store switch
    {
        "memory" => new InMemoryStoreProvider(),
        "postgres" => throw new NotSupportedException(
            "--store postgres is reserved for the PostgreSQL figure, which is not wired into the benchmark yet: implement " +
            "IWorkflowStoreProvider over the Infrastructure workflow store and return it here (see docs/PERFORMANCE.md, \"PostgreSQL store\")."),
        _ => throw new ArgumentException($"unknown store '{options.Store}'; known: {string.Join(", ", Names)}"),
    };
}
