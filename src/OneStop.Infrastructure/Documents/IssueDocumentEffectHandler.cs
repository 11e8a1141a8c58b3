using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Documents;

/// <summary>Issues the document a workflow action or automatic step names, with the acting official and comment from the journal.</summary>
internal sealed class IssueDocumentEffectHandler(OneStopDbContext db, DocumentIssuer issuer, Notifications.DocumentNotices documentNotices)
    : IWorkflowEffectHandler
{
    public EffectKind Kind => EffectKind.IssueDocument;

    public async Task HandleAsync(WorkflowEffect effect, long outboxId, CancellationToken cancellationToken)
    {
        var action = effect.TaskId is { } taskId
            ? await db.WorkflowJournal.AsNoTracking()
                .Where(j => j.InstanceId == effect.InstanceId && j.TaskId == taskId && j.Kind == JournalKind.ActionPerformed)
                .OrderByDescending(j => j.Sequence).FirstOrDefaultAsync(cancellationToken)
            : null;
        var document = await issuer.IssueOrDeferAsync(new IssueRequest(effect.DossierCode, effect.DocumentKind ?? string.Empty)
        {
            // The person whose action led here, also through automatic steps (the approving leader signs the result); older effects name only the task.
            IssuedBy = effect.ActorUserId ?? action?.ActorId,
            Comment = action?.Comment,
            SourceKey = $"outbox:{outboxId}",
        }, cancellationToken);
        if (document is not null)
        {
            // A document waiting for its official's remote signature is announced when it is issued (RemoteSignatures).
            await documentNotices.IssuedAsync(document, outboxId, cancellationToken);
        }
    }
}
