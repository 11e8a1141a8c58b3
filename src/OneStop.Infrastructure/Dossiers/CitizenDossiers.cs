using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>A citizen's own dossiers: drafts, attachments and submission. Anyone else's dossier does not exist for them.</summary>
public sealed class CitizenDossiers(
    OneStopDbContext db, DossierIntake intake, OneStop.Workflows.Runtime.IWorkflowEngine engine, IFileStore files, IVirusScanner scanner, IOptions<FileStoreOptions> limits, TimeProvider clock,
    Notifications.ApplicantNotices notices)
{
    public async Task<Dossier> CreateDraftAsync(Guid userId, string procedureCode, string? agencyCode, string formDataJson, string? idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        if (idempotencyKey is not null
            && await db.Dossiers.SingleOrDefaultAsync(d => d.ApplicantUserId == userId && d.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == procedureCode && p.IsActive, cancellationToken)
            ?? throw new NotFoundException($"Không có thủ tục mã {procedureCode} đang tiếp nhận hồ sơ.");
        var agencyId = procedure.AgencyId ?? await CommuneAsync(agencyCode, cancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var applicant = new Applicant(user.FullName, user.IdNumber, user.PhoneNumber, user.Email, user.Address);
        var draft = Dossier.Draft(procedure.Id, agencyId, applicant, userId, formDataJson, clock.GetUtcNow(), idempotencyKey);
        db.Dossiers.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (idempotencyKey is not null && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same request arrived twice at the same moment: the other one created it.
            db.ChangeTracker.Clear();
            return await db.Dossiers.SingleAsync(d => d.ApplicantUserId == userId && d.IdempotencyKey == idempotencyKey, cancellationToken);
        }

        return draft;
    }

    public async Task<Dossier> UpdateDraftAsync(Guid userId, Guid dossierId, string formDataJson, CancellationToken cancellationToken = default)
    {
        var dossier = await OwnAsync(userId, dossierId, cancellationToken);
        dossier.UpdateDraft(dossier.Applicant, formDataJson, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return dossier;
    }

    public async Task<DossierAttachment> AttachAsync(Guid userId, Guid dossierId, string documentCode, string? fileName, byte[] content,
        CancellationToken cancellationToken = default)
    {
        var dossier = await OwnAsync(userId, dossierId, cancellationToken);
        if (dossier.Status is not (DossierStatus.Draft or DossierStatus.WaitingForSupplement))
        {
            throw new ConflictException("attachment.closed", "Chỉ đính kèm tệp khi hồ sơ đang soạn hoặc đang chờ bổ sung.");
        }

        return await AttachCoreAsync(dossier, userId, documentCode, fileName, content, cancellationToken);
    }

    /// <summary>The counter scans a walk-in applicant's papers into a dossier it has just received (the caller checked the official's remit).</summary>
    public async Task<DossierAttachment> AttachAtCounterAsync(Guid officialId, Guid dossierId, string documentCode, string? fileName, byte[] content,
        CancellationToken cancellationToken = default)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken)
            ?? throw new NotFoundException("Không tìm thấy hồ sơ.");
        if (dossier.IsClosed)
        {
            throw new ConflictException("attachment.closed", "Hồ sơ đã kết thúc, không đính kèm thêm tệp.");
        }

        return await AttachCoreAsync(dossier, officialId, documentCode, fileName, content, cancellationToken);
    }

    private async Task<DossierAttachment> AttachCoreAsync(Dossier dossier, Guid uploadedBy, string documentCode, string? fileName, byte[] content,
        CancellationToken cancellationToken)
    {
        var dossierId = dossier.Id;
        var userId = uploadedBy;

        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == dossier.ProcedureId, cancellationToken);
        var document = procedure.RequiredDocuments.FirstOrDefault(d => d.Code == documentCode)
            ?? throw new DomainException("attachment.document_unknown",
                $"Thủ tục không có thành phần hồ sơ mã '{documentCode}'. Các mã: {string.Join(", ", procedure.RequiredDocuments.Select(d => d.Code))}.");
        if (content.Length == 0)
        {
            throw new DomainException("attachment.empty", "Tệp đính kèm rỗng.");
        }

        if (content.Length > limits.Value.MaxFileBytes)
        {
            throw new DomainException("attachment.too_large",
                $"Tệp vượt quá dung lượng cho phép ({UploadInspector.Describe(limits.Value.MaxFileBytes)}).");
        }

        var type = UploadInspector.DetectType(content)
            ?? throw new DomainException("attachment.type", "Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên).");
        if (await db.DossierAttachments.CountAsync(a => a.DossierId == dossierId, cancellationToken) >= limits.Value.MaxFilesPerDossier)
        {
            throw new DomainException("attachment.too_many", $"Mỗi hồ sơ đính kèm tối đa {limits.Value.MaxFilesPerDossier} tệp.");
        }

        if (await scanner.ScanAsync(content, fileName ?? string.Empty, cancellationToken) is { } threat)
        {
            throw new DomainException("attachment.infected", $"Tệp bị từ chối khi quét virus: {threat}");
        }

        var hash = await files.SaveAsync(content, cancellationToken);
        var attachment = new DossierAttachment(dossierId, document.Code, UploadInspector.SanitizeFileName(fileName, type), type, content.Length, hash,
            clock.GetUtcNow(), userId);
        db.DossierAttachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    /// <summary>Validates and submits; submitting an already submitted dossier returns it unchanged.</summary>
    public async Task<Dossier> SubmitAsync(Guid userId, Guid dossierId, CancellationToken cancellationToken = default)
    {
        var dossier = await OwnAsync(userId, dossierId, cancellationToken);
        if (dossier.Status != DossierStatus.Draft)
        {
            return dossier;
        }

        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == dossier.ProcedureId, cancellationToken);
        var errors = FormValidator.Validate(procedure.FormSchema, dossier.FormData);
        var attached = await db.DossierAttachments.Where(a => a.DossierId == dossierId).Select(a => a.DocumentCode).Distinct().ToListAsync(cancellationToken);
        foreach (var missing in procedure.RequiredDocuments.Where(d => d.IsRequired && !attached.Contains(d.Code)))
        {
            errors[$"attachments.{missing.Code}"] = [$"{missing.Name}: chưa đính kèm."];
        }

        if (errors.Count > 0)
        {
            throw new DossierValidationException(errors);
        }

        try
        {
            await intake.SubmitDraftAsync(dossier, DossierIntake.Citizen(userId), cancellationToken);
            await notices.AddAsync(dossier, new Notifications.ApplicantNotice($"Đã nộp hồ sơ {dossier.Code} thành công, đang chờ tiếp nhận.",
                $"submitted:{dossier.Id:N}", clock.GetUtcNow()), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Submitted at the same moment by another request (double click on two hosts): report the winner's result.
            db.ChangeTracker.Clear();
            return await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossierId, cancellationToken);
        }

        return dossier;
    }

    /// <summary>The applicant answers a supplement request: the workflow's resubmit action on their own open task.</summary>
    public async Task<Dossier> ResubmitAsync(Guid userId, Guid dossierId, string? comment, CancellationToken cancellationToken = default)
    {
        var dossier = await OwnAsync(userId, dossierId, cancellationToken);
        var instance = dossier.Code is null ? null : await engine.FindByDossierAsync(dossier.Code, cancellationToken);
        var task = instance?.OpenTasks.FirstOrDefault(t => t.Role == Core.Identity.Roles.Citizen)
            ?? throw new ConflictException("dossier.not_waiting", "Hồ sơ không ở trạng thái chờ bổ sung.");
        var actor = DossierIntake.Citizen(userId);
        var actions = await engine.ListAvailableActionsAsync(instance!.Id, actor, cancellationToken: cancellationToken);
        var resubmit = actions.FirstOrDefault(a => a.TaskId == task.Id && a.ActionId == "resubmit")
            ?? throw new ConflictException("dossier.not_waiting", "Hồ sơ hiện không thể nộp bổ sung.");
        await engine.PerformAsync(new OneStop.Workflows.Runtime.PerformActionRequest(instance.Id, task.Id, resubmit.ActionId, actor) { Comment = comment },
            cancellationToken);
        db.ChangeTracker.Clear();
        return await OwnAsync(userId, dossierId, cancellationToken);
    }

    /// <summary>The applicant chooses electronic delivery or post (with the address); possible from the draft until the result is handed over.</summary>
    public async Task<Dossier> ChooseDeliveryAsync(Guid userId, Guid dossierId, ResultDelivery delivery, string? postalAddress,
        CancellationToken cancellationToken = default)
    {
        var dossier = await OwnAsync(userId, dossierId, cancellationToken);
        dossier.ChooseResultDelivery(delivery, postalAddress);
        await db.SaveChangesAsync(cancellationToken);
        return dossier;
    }

    public async Task<Dossier> OwnAsync(Guid userId, Guid dossierId, CancellationToken cancellationToken) =>
        await db.Dossiers.SingleOrDefaultAsync(d => d.Id == dossierId && d.ApplicantUserId == userId, cancellationToken)
        ?? throw new NotFoundException("Không tìm thấy hồ sơ.");

    private async Task<Guid> CommuneAsync(string? agencyCode, CancellationToken cancellationToken)
    {
        var code = agencyCode?.Trim().ToUpperInvariant()
            ?? throw new DomainException("dossier.agency_required", "Vui lòng chọn Ủy ban nhân dân xã, phường tiếp nhận hồ sơ.");
        return await db.Agencies.Where(a => a.Code == code && a.ClosedOn == null && a.Kind == Core.Organisation.AgencyKind.Commune)
                   .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken)
               ?? throw new DomainException("dossier.agency_unknown", $"Không có xã, phường mã {agencyCode} đang hoạt động.");
    }
}
