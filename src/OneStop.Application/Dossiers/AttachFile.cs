using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;

namespace OneStop.Application.Dossiers;

public sealed record AttachFileCommand(Guid DossierId, string DocumentCode, Upload File);

/// <summary>The applicant attaches a file for one of the procedure's required documents, while drafting or when asked to supplement.</summary>
public sealed class AttachFile(OwnDossiers own, ICurrentUser user, DossierFiles files, IUnitOfWork unitOfWork)
    : UseCase<AttachFileCommand, DossierAttachment>(unitOfWork)
{
    protected override async Task<DossierAttachment> RunAsync(AttachFileCommand command, CancellationToken cancellationToken)
    {
        var dossier = await own.GetAsync(command.DossierId, cancellationToken);
        if (dossier.Status is not (DossierStatus.Draft or DossierStatus.WaitingForSupplement))
        {
            throw new ConflictException("attachment.closed", "Chỉ đính kèm tệp khi hồ sơ đang soạn hoặc đang chờ bổ sung.");
        }

        return await files.AddAsync(dossier, command.DocumentCode.Trim(), command.File, user.RequireId(), cancellationToken);
    }
}
