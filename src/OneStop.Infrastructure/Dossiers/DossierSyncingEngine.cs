using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>
/// The engine as OneStop uses it: every change to a workflow also brings its dossier's status, receipt date and appointment
/// date up to date, in the same transaction, so the two never disagree.
/// </summary>
internal sealed class DossierSyncingEngine(WorkflowEngine inner, OneStopDbContext db, Notifications.DossierStatusNotices notices, TimeProvider clock,
    IUnitOfWork unitOfWork) : IWorkflowEngine
{
    public Task<WorkflowResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default) =>
        inner.StartAsync(request, cancellationToken);

    public Task<WorkflowInstance?> GetAsync(Guid instanceId, CancellationToken cancellationToken = default) => inner.GetAsync(instanceId, cancellationToken);

    public Task<WorkflowInstance?> FindByDossierCodeAsync(string dossierCode, CancellationToken cancellationToken = default) =>
        inner.FindByDossierCodeAsync(dossierCode, cancellationToken);

    public Task<WorkflowInstance?> GetAsync(Guid instanceId, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.GetAsync(instanceId, expectedVersion, cancellationToken);

    public IReadOnlyList<AvailableAction> ListAvailableActions(WorkflowInstance instance, WorkflowActor actor,
        IReadOnlyDictionary<string, object?>? formData = null) => inner.ListAvailableActions(instance, actor, formData);

    public Task<IReadOnlyList<AvailableAction>> ListAvailableActionsAsync(Guid instanceId, WorkflowActor actor,
        IReadOnlyDictionary<string, object?>? formData = null, CancellationToken cancellationToken = default) =>
        inner.ListAvailableActionsAsync(instanceId, actor, formData, cancellationToken);

    public Task<WorkflowResult> PerformAsync(PerformActionRequest request, CancellationToken cancellationToken = default) =>
        SyncedAsync(request.InstanceId, () => inner.PerformAsync(request, cancellationToken), cancellationToken);

    public Task<WorkflowResult> ClaimAsync(Guid instanceId, Guid taskId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        inner.ClaimAsync(instanceId, taskId, actor, cancellationToken);

    public Task<WorkflowResult> AssignAsync(Guid instanceId, Guid taskId, string assigneeUserId, WorkflowActor actor,
        CancellationToken cancellationToken = default) => inner.AssignAsync(instanceId, taskId, assigneeUserId, actor, cancellationToken);

    public Task<WorkflowResult> ProcessTimerAsync(Guid instanceId, Guid timerId, CancellationToken cancellationToken = default) =>
        SyncedAsync(instanceId, () => inner.ProcessTimerAsync(instanceId, timerId, cancellationToken), cancellationToken);

    public Task<WorkflowResult> WithdrawAsync(Guid instanceId, WorkflowActor applicant, string reason, CancellationToken cancellationToken = default) =>
        SyncedAsync(instanceId, () => inner.WithdrawAsync(instanceId, applicant, reason, cancellationToken), cancellationToken);

    public Task<WorkflowResult> RecordApologyAsync(Guid instanceId, WorkflowActor actor, DateTimeOffset newDueAt, string reason,
        IReadOnlyList<string> documents, CancellationToken cancellationToken = default) =>
        inner.RecordApologyAsync(instanceId, actor, newDueAt, reason, documents, cancellationToken);

    public Task<WorkflowResult> RecordDocumentReissuedAsync(Guid instanceId, WorkflowActor actor, string documentKind, string reason,
        CancellationToken cancellationToken = default) => inner.RecordDocumentReissuedAsync(instanceId, actor, documentKind, reason, cancellationToken);

    public Task<WorkflowResult> RecordAttachmentCertifiedAsync(Guid instanceId, WorkflowActor actor, long? expectedVersion, string what,
        CancellationToken cancellationToken = default) => inner.RecordAttachmentCertifiedAsync(instanceId, actor, expectedVersion, what, cancellationToken);

    public Task<WorkflowResult> RecordRemoteSigningAsync(Guid instanceId, JournalKind kind, WorkflowActor? actor, string documentKind, string comment,
        CancellationToken cancellationToken = default) => inner.RecordRemoteSigningAsync(instanceId, kind, actor, documentKind, comment, cancellationToken);

    public Task<WorkflowResult> MigrateAsync(MigrateInstanceRequest request, CancellationToken cancellationToken = default) =>
        SyncedAsync(request.InstanceId, () => inner.MigrateAsync(request, cancellationToken), cancellationToken);

    private Task<WorkflowResult> SyncedAsync(Guid instanceId, Func<Task<WorkflowResult>> change, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(async () =>
        {
            var outboxMark = await notices.OutboxMarkAsync(instanceId, cancellationToken);
            var result = await change();
            var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.WorkflowInstanceId == instanceId, cancellationToken)
                ?? await db.Dossiers.SingleOrDefaultAsync(d => d.Code == result.Instance.DossierCode, cancellationToken);
            if (dossier is not null && !dossier.IsClosed)
            {
                var before = dossier.Status;
                WorkflowOutcome.ApplyTo(dossier, result.Instance, clock.GetUtcNow());
                await notices.AddAsync(dossier, before, result.Instance, outboxMark, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        }, cancellationToken);
}
