using System.Reflection;
using System.Runtime.ExceptionServices;
using WorkflowCore.Interface;

namespace OneStop.Benchmarks.Workflow;

/// <summary>
/// Wraps WorkflowCore's persistence provider and tells the driver when a workflow has subscribed to its next event, i.e. when
/// the task is really open. Publishing only then avoids a race that a human never causes (an event arriving while the
/// workflow is still locked), which WorkflowCore resolves only at its next poll, 10 s later by default.
/// </summary>
public class SubscriptionSignal : DispatchProxy
{
    private IPersistenceProvider _inner = null!;
    private FlowSignals _signals = null!;

    internal static IPersistenceProvider Wrap(IPersistenceProvider inner, FlowSignals signals)
    {
        var proxy = Create<IPersistenceProvider, SubscriptionSignal>();
        var spy = (SubscriptionSignal)(object)proxy;
        spy._inner = inner;
        spy._signals = signals;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        // WorkflowCore 3.22 saves new subscriptions with the workflow (PersistWorkflow) while it holds the workflow's lock, then,
        // lock released, looks up events already published for each one (GetEvents(name, key, asOf)): the task is open from then on.
        if (targetMethod.Name == nameof(IPersistenceProvider.GetEvents)
            && args is [string eventName, string eventKey, ..] && result is Task lookup)
        {
            lookup.ContinueWith(
                t =>
                {
                    if (t.IsCompletedSuccessfully)
                        _signals.TasksOpened.Writer.TryWrite((eventKey, eventName));
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return result;
    }
}
