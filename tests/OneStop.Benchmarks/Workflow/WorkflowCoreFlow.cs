using System.Collections.Concurrent;
using System.Threading.Channels;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneStop.Benchmarks.Workflow;

/// <summary>Data of one dossier on WorkflowCore.</summary>
public sealed class DossierData
{
    public string DossierId { get; set; } = "";

    public string? OpenTask { get; set; }

    public int ResultsIssued { get; set; }
}

/// <summary>What WorkflowCore tells the driver: a workflow subscribed to its next event (a task is open), or a dossier ended.</summary>
internal sealed class FlowSignals
{
    public Channel<(string WorkflowId, string EventName)> TasksOpened { get; } =
        Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });

    public ConcurrentDictionary<string, TaskCompletionSource> Waiting { get; } = new(StringComparer.Ordinal);
}

/// <summary>A human task opens (recorded on the dossier's data); the following WaitFor waits for the official's event.</summary>
internal sealed class OpenTask : StepBody
{
    public string EventName { get; set; } = "";

    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ((DossierData)context.Workflow.Data).OpenTask = EventName;
        return ExecutionResult.Next();
    }
}

/// <summary>The automatic step: issue the result document.</summary>
internal sealed class IssueResult : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ((DossierData)context.Workflow.Data).ResultsIssued++;
        return ExecutionResult.Next();
    }
}

/// <summary>The end step: tells the driver the dossier is done.</summary>
internal sealed class Completed(FlowSignals signals) : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        if (signals.Waiting.TryRemove(((DossierData)context.Workflow.Data).DossierId, out var done))
            done.TrySetResult();
        return ExecutionResult.Next();
    }
}

/// <summary>
/// The same flow on WorkflowCore: per human action, a step that opens the task and a WaitFor its event; then the automatic
/// step and the end. Events are keyed by workflow id and accepted whenever they arrive (effective date MinValue).
/// </summary>
internal sealed class DossierWorkflow(IReadOnlyList<string> events) : IWorkflow<DossierData>
{
    public const string WorkflowId = "onestop-dossier";

    public string Id => WorkflowId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<DossierData> builder)
    {
        var first = events[0];
        IStepBuilder<DossierData, WorkflowCore.Primitives.WaitFor> wait = builder
            .StartWith<OpenTask>().Input(s => s.EventName, d => first)
            .WaitFor(first, (d, ctx) => ctx.Workflow.Id, d => DateTime.MinValue);
        foreach (var name in events.Skip(1))
        {
            var current = name;
            wait = wait.Then<OpenTask>().Input(s => s.EventName, d => current)
                .WaitFor(current, (d, ctx) => ctx.Workflow.Id, d => DateTime.MinValue);
        }

        wait.Then<IssueResult>().Then<Completed>();
    }
}
