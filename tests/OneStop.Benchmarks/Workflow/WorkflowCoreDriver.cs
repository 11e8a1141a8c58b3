using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;

namespace OneStop.Benchmarks.Workflow;

/// <summary>
/// WorkflowCore 3.22 with its defaults (in-memory persistence, single-node queue, lock and event hub). A pump plays the
/// officials: as soon as a workflow has subscribed to its next event it publishes that event, so each dossier takes 1 start + N events.
/// </summary>
internal sealed class WorkflowCoreDriver : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IWorkflowHost _host;
    private readonly FlowSignals _signals;
    private readonly Task _pump;
    private readonly CancellationTokenSource _stop = new();
    private long _next;
    private int _errors;

    private WorkflowCoreDriver(ServiceProvider services, int events)
    {
        _services = services;
        _host = services.GetRequiredService<IWorkflowHost>();
        _signals = services.GetRequiredService<FlowSignals>();
        TransitionsPerDossier = 1 + events;
        _host.OnStepError += (_, _, e) =>
        {
            if (Interlocked.Increment(ref _errors) <= 3)
                Console.Error.WriteLine($"WorkflowCore step error: {e.Message}");
        };
        _pump = Task.Run(PumpAsync);
    }

    public int TransitionsPerDossier { get; }

    public static async Task<WorkflowCoreDriver> StartAsync(IReadOnlyList<string> events)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddTransient<OpenTask>()
            .AddTransient<IssueResult>()
            .AddTransient<Completed>();
        services.AddWorkflow();
        var signals = new FlowSignals();
        services.AddSingleton(signals);
        // Subscriptions are created through ISubscriptionRepository (registered apart from IPersistenceProvider): wrap both.
        foreach (var type in new[] { typeof(IPersistenceProvider), typeof(ISubscriptionRepository) })
        {
            var original = services.Last(d => d.ServiceType == type);
            var factory = original.ImplementationFactory
                ?? throw new InvalidOperationException($"WorkflowCore registered {type.Name} without a factory; the benchmark cannot observe it.");
            services.Remove(original);
            services.Add(ServiceDescriptor.Describe(type, sp => SubscriptionSignal.Wrap((IPersistenceProvider)factory(sp), signals), original.Lifetime));
        }
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IWorkflowRegistry>().RegisterWorkflow(new DossierWorkflow(events));
        var driver = new WorkflowCoreDriver(provider, events.Count);
        await driver._host.StartAsync(CancellationToken.None).ConfigureAwait(false);
        return driver;
    }

    /// <summary>Runs one dossier from start to its end; returns the number of transitions.</summary>
    public async Task<int> RunDossierAsync()
    {
        var dossier = $"WFC-{Interlocked.Increment(ref _next):000000000}";
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _signals.Waiting[dossier] = done;
        await _host.StartWorkflow(DossierWorkflow.WorkflowId, 1, new DossierData { DossierId = dossier }).ConfigureAwait(false);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return TransitionsPerDossier;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var (workflowId, eventName) in _signals.TasksOpened.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            await _host.PublishEvent(eventName, workflowId, "Đồng ý").ConfigureAwait(false);
    }
}
