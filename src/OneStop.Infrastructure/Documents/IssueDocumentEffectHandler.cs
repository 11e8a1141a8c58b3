using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Documents;

/// <summary>Issues the document a workflow action or automatic step names, with the acting official and comment from the journal.</summary>
internal sealed partial class IssueDocumentEffectHandler(OneStopDbContext db, DocumentIssuer issuer, Notifications.DocumentNotices documentNotices,
    ILogger<IssueDocumentEffectHandler> logger)
    : IWorkflowEffectHandler
{
    public EffectKind Kind => EffectKind.IssueDocument;

    public async Task HandleAsync(WorkflowEffect effect, long outboxId, CancellationToken cancellationToken)
    {
        if (effect.DocumentKind == DocumentKinds.Withdrawal)
        {
            // There is no statutory withdrawal form: the withdrawal and its reason are in the dossier's timeline.
            LogNoForm(logger, effect.DossierCode, effect.DocumentKind);
            return;
        }

        var action = effect.TaskId is { } taskId
            ? await db.WorkflowJournal.AsNoTracking()
                .Where(j => j.InstanceId == effect.InstanceId && j.TaskId == taskId && j.Kind == JournalKind.ActionPerformed)
                .OrderByDescending(j => j.Sequence).FirstOrDefaultAsync(cancellationToken)
            : null;
        var document = await issuer.IssueAsync(new IssueRequest(effect.DossierCode, effect.DocumentKind ?? string.Empty)
        {
            // The person whose action led here, also through automatic steps (the approving leader signs the result); older effects name only the task.
            IssuedBy = effect.ActorUserId ?? action?.ActorId,
            Comment = action?.Comment,
            SourceKey = $"outbox:{outboxId}",
        }, cancellationToken);
        await documentNotices.IssuedAsync(document, outboxId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {DossierId}: no printed form for {Kind}; the timeline records it")]
    private static partial void LogNoForm(ILogger logger, string dossierId, string? kind);
}
