using OneStop.Application.Common;
using OneStop.Application.DocumentStore;
using OneStop.Application.Dossiers;
using OneStop.Application.Officials;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Files;

namespace OneStop.Application.Workspace;

/// <summary>
/// Someone walked in with papers: who they are, the procedure's form, and the scanned papers (document code, file); with
/// <paramref name="CertifiedCopies"/> the counter compared every scan with its original (they become certified copies and go into the
/// applicant's document store when they have an account).
/// </summary>
public sealed record WalkInIntakeCommand(string ProcedureCode, Applicant Applicant, string FormDataJson,
    IReadOnlyList<(string DocumentCode, Upload File)> Files, bool CertifiedCopies = false);

/// <summary>The dossier created, and the scanned files that could not be kept (the dossier is kept without them).</summary>
public sealed record WalkInIntakeResult(Dossier Dossier, IReadOnlyList<string> FileWarnings);

/// <summary>The counter creates and submits a dossier for a walk-in applicant (no account needed) with their scanned papers.</summary>
public sealed class WalkInIntake(OfficialContext officials, DossierIntake intake, DossierFiles files, CertifiedCopies certified, IUnitOfWork unitOfWork)
    : UseCase<WalkInIntakeCommand, WalkInIntakeResult>(unitOfWork)
{
    protected override async Task<WalkInIntakeResult> RunAsync(WalkInIntakeCommand command, CancellationToken cancellationToken)
    {
        var official = await officials.RequireAsync(cancellationToken);
        if (official.Role != Core.Identity.Roles.Reception)
        {
            throw new ForbiddenException("walkin.not_reception", "Chỉ cán bộ Bộ phận một cửa tiếp nhận hồ sơ trực tiếp.");
        }

        var dossier = await intake.SubmitAsync(new NewDossier(command.ProcedureCode, official.Agency, command.Applicant, null, SubmissionChannel.Counter,
            command.FormDataJson), official, cancellationToken);
        var warnings = new List<string>();
        var attached = new List<DossierAttachment>();
        foreach (var (code, file) in command.Files)
        {
            try
            {
                attached.Add(await files.AddAsync(dossier, code, file, Guid.Parse(official.UserId), cancellationToken));
            }
            catch (DomainException ex)
            {
                // Refused before anything was written: the dossier stands, the counter scans that paper again.
                warnings.Add($"{file.FileName}: {ex.Message}");
            }
        }

        if (command.CertifiedCopies)
        {
            await certified.CertifyAsync(dossier, attached, Guid.Parse(official.UserId), cancellationToken);
        }

        return new WalkInIntakeResult(dossier, warnings);
    }
}
