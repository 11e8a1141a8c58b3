using OneStop.Application.Common;
using OneStop.Application.Dossiers;
using OneStop.Application.Officials;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Workspace;

/// <summary>An official's action on a task of a dossier, as the page showed it (its version), with the result file it may need.</summary>
public sealed record PerformActionCommand(Guid DossierId, Guid TaskId, string ActionId, string? Comment = null, long? ExpectedVersion = null,
    string? Department = null, Upload? ResultFile = null);

/// <summary>What the official reads after acting.</summary>
public sealed record ActionDone(string DossierCode, string Message);

/// <summary>Performs a workflow action: the result file is stored and named in the journal, in the same transaction as the transition.</summary>
public sealed class PerformAction(WorkspaceDossiers dossiers, OfficialContext officials, IWorkflowEngine engine, DossierFiles files,
    Infrastructure.Signing.DocumentSignatures signatures, IUnitOfWork unitOfWork) : UseCase<PerformActionCommand, ActionDone>(unitOfWork)
{
    protected override async Task<ActionDone> RunAsync(PerformActionCommand command, CancellationToken cancellationToken)
    {
        var actor = await officials.RequireAsync(cancellationToken);
        var dossier = await dossiers.GetAsync(command.DossierId, cancellationToken);
        var instanceId = WorkspaceDossiers.InstanceOf(dossier);
        var request = new PerformActionRequest(instanceId, command.TaskId, command.ActionId, actor)
        {
            Comment = command.Comment,
            ExpectedVersion = command.ExpectedVersion,
            FormData = FormValues.Parse(dossier.FormData),
            Department = command.Department,
        };
        // The instance as the page showed it (its version, which the engine then acts on, refusing it if it moved on) — not read again
        // when this host knows that version.
        var instance = command.ExpectedVersion is { } version
            ? await engine.GetAsync(instanceId, version, cancellationToken)
            : await engine.GetAsync(instanceId, cancellationToken);
        var action = instance is null ? null : engine.ListAvailableActions(instance, actor, request.FormData)
            .FirstOrDefault(a => a.TaskId == command.TaskId && a.ActionId == command.ActionId);
        if (action is null)
        {
            // The engine gives the precise reason (task gone, not allowed, condition false).
            var result = await engine.PerformAsync(request, cancellationToken);
            await signatures.EnsureReadyAsync(result.Effects, dossier.AgencyId, cancellationToken);
            var label = result.Instance.Journal.LastOrDefault(j => j.ActionId == command.ActionId)?.ActionLabel ?? command.ActionId;
            return new ActionDone(dossier.Code!, $"Đã thực hiện: {label}.");
        }

        if (action.RequiresFile && command.ResultFile is null)
        {
            throw new DomainException("action.file_required", $"Thao tác '{action.Label}' cần đính kèm tệp kết quả (PDF, JPEG hoặc PNG).");
        }

        var names = new List<string>();
        if (command.ResultFile is { } file)
        {
            names.Add((await files.AddAsync(dossier, DossierFiles.ResultFileCode, file, Guid.Parse(actor.UserId), cancellationToken)).FileName);
        }

        var performed = await engine.PerformAsync(request with { Files = [.. request.Files, .. names] }, cancellationToken);
        // A document this action issues that its signer could not sign refuses the action here, in its transaction: nothing is half-done.
        await signatures.EnsureReadyAsync(performed.Effects, dossier.AgencyId, cancellationToken);
        return new ActionDone(dossier.Code!, $"Đã thực hiện: {action.Label}.");
    }
}
