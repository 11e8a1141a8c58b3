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
    protected override async Task<PendingSignatureView> RunAsync(ResignDocumentCommand command, CancellationToken cancellationToken)
    {
        var official = await officials.RequireAsync(cancellationToken);
        var dossier = await dossiers.GetAsync(command.DossierId, cancellationToken);
        return await signatures.ResignAsync(dossier.Id, command.SignatureId, official, cancellationToken);
    }
}
