using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.NationalPortal;

/// <summary>A dossier submitted on the national portal for one of this province's procedures, as the portal sends it.</summary>
public sealed record ReceivePortalDossierCommand(string? NationalId, string? ProcedureCode, string? AgencyCode, Applicant? Applicant, string FormDataJson);

/// <summary>The dossier here, and whether this request made it (false: the national id had already been taken in).</summary>
public sealed record ReceivePortalDossierResult(Dossier Dossier, bool Created);

/// <summary>
/// Takes in a dossier sent by the national portal: checked like a walk-in's (applicant, the procedure's form), then created and submitted
/// through the same intake as every other channel (channel "national portal"), its workflow started, and the national id recorded in the
/// same transaction — so the same national id sent again returns the dossier already made. Its receipt goes back to the portal as the
/// first message of the national-portal outbox.
/// </summary>
public sealed class ReceivePortalDossier(OneStopDbContext db, DossierIntake intake, PortalDossiers portalDossiers, IUnitOfWork unitOfWork)
    : UseCase<ReceivePortalDossierCommand, ReceivePortalDossierResult>(unitOfWork)
{
    /// <summary>Who starts the workflow of a dossier the portal sent (the applicant has no account here).</summary>
    public static readonly WorkflowActor Portal = new("national-portal", Roles.Citizen);

    public override async Task<ReceivePortalDossierResult> ExecuteAsync(ReceivePortalDossierCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await base.ExecuteAsync(command, cancellationToken);
        }
        catch (DbUpdateException ex) when (PortalDossiers.IsDuplicate(ex))
        {
            // The portal sent the same dossier twice at the same moment: this copy rolled back whole; answer with the one that was kept.
            db.ChangeTracker.Clear();
            return await ExistingAsync(command.NationalId!.Trim(), cancellationToken)
                ?? throw new ConflictException("portal.duplicate", "Hồ sơ này đang được tiếp nhận, vui lòng gửi lại sau.");
        }
    }

    protected override async Task<ReceivePortalDossierResult> RunAsync(ReceivePortalDossierCommand command, CancellationToken cancellationToken)
    {
        var nationalId = command.NationalId?.Trim();
        if (string.IsNullOrEmpty(nationalId) || nationalId.Length > PortalDossiers.MaxNationalIdLength || nationalId.Any(char.IsControl))
        {
            throw new DossierValidationException(new Dictionary<string, string[]>
            {
                ["nationalId"] = [$"Mã hồ sơ trên Cổng DVC quốc gia: bắt buộc, tối đa {PortalDossiers.MaxNationalIdLength} ký tự."],
            });
        }

        if (await ExistingAsync(nationalId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var procedureCode = command.ProcedureCode?.Trim();
        var procedure = string.IsNullOrEmpty(procedureCode) ? null
            : await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == procedureCode, cancellationToken);
        if (procedure is null)
        {
            throw new NotFoundException($"Tỉnh không giải quyết thủ tục mã {procedureCode}.");
        }

        var errors = ApplicantErrors(command.Applicant);
        foreach (var (field, messages) in FormValidator.Validate(procedure.FormSchema, command.FormDataJson))
        {
            errors[$"formData.{field}"] = messages;
        }

        if (errors.Count > 0)
        {
            throw new DossierValidationException(errors);
        }

        var dossier = await intake.SubmitAsync(new NewDossier(procedure.Code, command.AgencyCode, command.Applicant!, null, SubmissionChannel.NationalPortal,
            command.FormDataJson), Portal, cancellationToken);
        portalDossiers.Add(nationalId, dossier.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new ReceivePortalDossierResult(dossier, Created: true);
    }

    private async Task<ReceivePortalDossierResult?> ExistingAsync(string nationalId, CancellationToken cancellationToken) =>
        await portalDossiers.FindAsync(nationalId, cancellationToken) is { } id
            ? new ReceivePortalDossierResult(await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken), Created: false)
            : null;

    private static Dictionary<string, string[]> ApplicantErrors(Applicant? applicant)
    {
        var errors = new Dictionary<string, string[]>();
        if (applicant is null || string.IsNullOrWhiteSpace(applicant.FullName) || applicant.FullName.Length > 200)
        {
            errors["applicant.fullName"] = ["Họ và tên người nộp: bắt buộc, tối đa 200 ký tự."];
        }

        if (applicant?.IdNumber is { } idNumber && !VietnameseFormats.IsIdNumber(idNumber))
        {
            errors["applicant.idNumber"] = ["Số CCCD/CMND: phải gồm 12 hoặc 9 chữ số."];
        }

        if (applicant?.Email is { } email && (email.Length > 256 || !Infrastructure.Email.EmailOutbox.IsDeliverable(email)))
        {
            errors["applicant.email"] = ["E-mail người nộp: địa chỉ e-mail không hợp lệ."];
        }

        if (applicant?.PhoneAsTyped is { Length: > 50 } || applicant?.Address is { Length: > 500 })
        {
            errors["applicant.address"] = ["Điện thoại tối đa 50 ký tự, địa chỉ tối đa 500 ký tự."];
        }

        return errors;
    }
}
