using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Dossiers;

/// <summary>The supplement: new files for required documents (code, file) and a comment.</summary>
public sealed record ResubmitDossierCommand(Guid DossierId, string? Comment, IReadOnlyList<(string DocumentCode, Upload File)>? Files = null);

/// <summary>The applicant answers a supplement request: the files they add, then the workflow's resubmit action on their own task.</summary>
public sealed class ResubmitDossier(OwnDossiers own, ICurrentUser user, AttachFile attach, IWorkflowEngine engine, IUnitOfWork unitOfWork)
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

        var actor = user.AsApplicant();
        var actions = await engine.ListAvailableActionsAsync(instance!.Id, actor, cancellationToken: cancellationToken);
        var resubmit = actions.FirstOrDefault(a => a.TaskId == task.Id && a.ActionId == ActionId)
            ?? throw new ConflictException("dossier.not_waiting", "Hồ sơ hiện không thể nộp bổ sung.");
        await engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, resubmit.ActionId, actor) { Comment = command.Comment }, cancellationToken);
        return await own.ReadAsync(dossier.Id, cancellationToken);
    }
}
