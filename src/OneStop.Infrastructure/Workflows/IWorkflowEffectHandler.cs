using OneStop.Workflows.Runtime;

namespace OneStop.Infrastructure.Workflows;

/// <summary>Carries out one kind of workflow side effect taken from the outbox; it may run more than once, so it must be idempotent.</summary>
public interface IWorkflowEffectHandler
{
    EffectKind Kind { get; }

    Task HandleAsync(WorkflowEffect effect, long outboxId, CancellationToken cancellationToken);
}
