using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Dossiers;

public sealed record WithdrawDossierCommand(Guid DossierId, string? Reason);

/// <summary>The applicant withdraws a submitted dossier before it is decided, with a reason; the workflow ends and the dossier closes.</summary>
public sealed class WithdrawDossier(OwnDossiers own, ICurrentUser user, IWorkflowEngine engine, IUnitOfWork unitOfWork)
    : UseCase<WithdrawDossierCommand, Dossier>(unitOfWork)
{
    protected override async Task<Dossier> RunAsync(WithdrawDossierCommand command, CancellationToken cancellationToken)
    {
        var dossier = await own.ReadAsync(command.DossierId, cancellationToken);
        if (dossier.WorkflowInstanceId is not { } instanceId || dossier.IsClosed || dossier.Status == DossierStatus.ResultReady)
        {
            throw new ConflictException("dossier.not_withdrawable", "Chỉ rút được hồ sơ đã nộp và chưa có quyết định.");
        }

        await engine.WithdrawAsync(instanceId, user.AsApplicant(), command.Reason ?? string.Empty, cancellationToken);
        return await own.ReadAsync(dossier.Id, cancellationToken);
    }
}
