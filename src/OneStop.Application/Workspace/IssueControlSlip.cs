using OneStop.Application.Common;
using OneStop.Application.Dossiers;
using OneStop.Application.Officials;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Signing;
using OneStop.Workflows.Definitions;

namespace OneStop.Application.Workspace;

public sealed record IssueControlSlipCommand(Guid DossierId);

/// <summary>
/// An official of the receiving agency prints the dossier's control slip (phiếu kiểm soát) as it stands; one who signs remotely gets it once
/// they confirm on their device.
/// </summary>
public sealed class IssueControlSlip(WorkspaceDossiers dossiers, DossierAccess access, OfficialContext officials, DocumentIssuer issuer,
    RemoteSignatures signatures, IUnitOfWork unitOfWork) : DirectDocumentUseCase<IssueControlSlipCommand>(signatures, unitOfWork)
{
    protected override async Task<IssueOutcome> RunAsync(IssueControlSlipCommand command, CancellationToken cancellationToken)
    {
        var official = await officials.RequireAsync(cancellationToken);
        var dossier = await dossiers.GetAsync(command.DossierId, cancellationToken);
        if (!access.IsOwnAgency(dossier))
        {
            throw new ForbiddenException("document.not_owner", "Chỉ cơ quan tiếp nhận hồ sơ phát hành văn bản này.");
        }

        return await issuer.IssueOrAwaitSignatureAsync(
            new IssueRequest(dossier.Code!, DocumentKinds.ControlSlip) { IssuedBy = official.UserId }, cancellationToken);
    }
}
