using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Dossiers;

/// <summary>
/// The supplement: new files for required documents (code, file), documents picked from the applicant's own store instead of an upload
/// (code, stored document), and a comment.
/// </summary>
public sealed record ResubmitDossierCommand(Guid DossierId, string? Comment, IReadOnlyList<(string DocumentCode, Upload File)>? Files = null,
    IReadOnlyList<(string DocumentCode, Guid StoredDocumentId)>? FromStore = null);

/// <summary>
/// The applicant answers a supplement request: the files they add and the documents they pick from their store (as the Apply page and
/// the from-store endpoint: their own store only, the provenance recorded for the official), then the workflow's resubmit action on their
/// own task — all or nothing.
/// </summary>
public sealed class ResubmitDossier(OwnDossiers own, ICurrentUser user, AttachFile attach, DocumentStore.AttachFromStore attachFromStore,
    IWorkflowEngine engine, IUnitOfWork unitOfWork)
    : UseCase<ResubmitDossierCommand, Dossier>(unitOfWork)
{
    public const string ActionId = "resubmit";

    protected override async Task<Dossier> RunAsync(ResubmitDossierCommand command, CancellationToken cancellationToken)
    {
        var dossier = await own.GetAsync(command.DossierId, cancellationToken);
        var instance = dossier.WorkflowInstanceId is { } id ? await engine.GetAsync(id, cancellationToken) : null;
        var task = instance?.OpenTasks.FirstOrDefault(t => t.Role == Roles.Citizen)
            ?? throw new ConflictException("dossier.not_waiting", "Hồ sơ không ở trạng thái chờ bổ sung.");
        foreach (var (code, file) in command.Files ?? [])
        {
            await attach.ExecuteAsync(new AttachFileCommand(dossier.Id, code, file), cancellationToken);
        }

        foreach (var (code, storedId) in command.FromStore ?? [])
        {
            try
            {
                await attachFromStore.ExecuteAsync(new DocumentStore.AttachFromStoreCommand(dossier.Id, code, storedId), cancellationToken);
            }
            catch (NotFoundException ex)
            {
                // Not in their store (another citizen's, or deleted meanwhile): a refusal of this supplement, not a missing dossier.
                throw new DomainException("store.not_found", ex.Message);
            }
        }

        var actor = user.AsApplicant();
        // The instance read above (attaching files does not change it); the engine acts on the current one and refuses what it no longer allows.
        var resubmit = engine.ListAvailableActions(instance!, actor).FirstOrDefault(a => a.TaskId == task.Id && a.ActionId == ActionId)
            ?? throw new ConflictException("dossier.not_waiting", "Hồ sơ hiện không thể nộp bổ sung.");
        await engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, resubmit.ActionId, actor) { Comment = command.Comment }, cancellationToken);
        return await own.ReadAsync(dossier.Id, cancellationToken);
    }
}
