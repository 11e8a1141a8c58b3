using OneStop.Application.Common;
using OneStop.Application.Officials;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Signing;

namespace OneStop.Application.Workspace;

public sealed record ResignDocumentCommand(Guid DossierId, Guid SignatureId);

/// <summary>
/// "Ký lại": the official whose remote signature of a document was refused or expired signs it again (a new request on their device, or at
/// once when their credential is now a certificate OneStop holds). Nothing had been issued, so nothing is issued twice.
/// </summary>
public sealed class ResignDocument(WorkspaceDossiers dossiers, OfficialContext officials, RemoteSignatures signatures, IUnitOfWork unitOfWork)
    : UseCase<ResignDocumentCommand, PendingSignatureView>(unitOfWork)
{
    public override async Task<PendingSignatureView> ExecuteAsync(ResignDocumentCommand command, CancellationToken cancellationToken = default)
    {
        var view = await base.ExecuteAsync(command, cancellationToken);
        // The new request reaches the signer's device only now that it is committed (the background completion sends it otherwise).
        return view is { State: PendingSignatureState.Pending, Sent: false } && await signatures.SendQueuedAsync(view.Id, cancellationToken)
            ? view with { Sent = true }
            : view;
    }

    protected override async Task<PendingSignatureView> RunAsync(ResignDocumentCommand command, CancellationToken cancellationToken)
    {
        var official = await officials.RequireAsync(cancellationToken);
        var dossier = await dossiers.GetAsync(command.DossierId, cancellationToken);
        return await signatures.ResignAsync(dossier.Id, command.SignatureId, official, cancellationToken);
    }
}
