using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Application.Dossiers;
using OneStop.Application.DocumentStore;
using OneStop.Application.Officials;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Workspace;

/// <summary>
/// <paramref name="ExpectedVersion"/>: the dossier's version the official saw (the API's If-Match, the page's hidden field); null acts on
/// whatever is current.
/// </summary>
public sealed record CertifyAttachmentCommand(Guid DossierId, Guid AttachmentId, long? ExpectedVersion = null);

/// <summary>What was done: the message for the official, and whether a copy went into the applicant's store.</summary>
public sealed record CertifyAttachmentResult(string Message, bool Stored);

/// <summary>
/// The counter compared an uploaded attachment of a dossier with the original paper the applicant brought: it becomes a certified copy
/// (bản sao điện tử đã được chứng thực, đối chiếu bản chính), journaled with who and when, and goes into the applicant's document store
/// once (the same rule as a walk-in's certified copies). Only the one-stop counter of the receiving agency; certifying twice is refused
/// with the first certification's time, never a second copy.
/// </summary>
public sealed class CertifyAttachment(OfficialContext officials, WorkspaceDossiers dossiers, DossierAccess access, OneStopDbContext db,
    CertifiedCopies certified, IWorkflowEngine engine, IAuditLog audit, IUnitOfWork unitOfWork)
    : UseCase<CertifyAttachmentCommand, CertifyAttachmentResult>(unitOfWork)
{
    protected override async Task<CertifyAttachmentResult> RunAsync(CertifyAttachmentCommand command, CancellationToken cancellationToken)
    {
        var official = await officials.RequireAsync(cancellationToken);
        var dossier = await dossiers.GetAsync(command.DossierId, cancellationToken);
        if (official.Role != Roles.Reception || !access.IsOwnAgency(dossier))
        {
            throw new ForbiddenException("attachment.certify_not_reception",
                "Chỉ cán bộ Bộ phận một cửa của cơ quan tiếp nhận hồ sơ đối chiếu giấy tờ với bản chính.");
        }

        var attachment = await db.DossierAttachments.SingleOrDefaultAsync(a => a.Id == command.AttachmentId && a.DossierId == dossier.Id, cancellationToken)
            ?? throw new NotFoundException("Không tìm thấy giấy tờ đính kèm này trong hồ sơ.");
        if (attachment.CertifiedAt is { } at)
        {
            throw new ConflictException("attachment.already_certified",
                $"Giấy tờ “{attachment.FileName}” đã được đối chiếu bản chính, chứng thực bản sao điện tử lúc {VietnameseFormats.DateTime(at)}; không cần làm lại.");
        }

        if (attachment.StoredDocumentId is not null || attachment.Provenance is not null)
        {
            throw new ConflictException("attachment.from_store",
                "Giấy tờ này được lấy từ kho dữ liệu của công dân và đã được xác thực; không cần đối chiếu lại.");
        }

        if (attachment.DocumentCode == DossierFiles.ResultFileCode || attachment.IsMissing)
        {
            throw new ConflictException("attachment.not_certifiable",
                attachment.IsMissing ? "Tệp của giấy tờ này không còn; không thể đối chiếu." : "Tệp kết quả xử lý không phải giấy tờ của người nộp để đối chiếu.");
        }

        if (dossier.IsClosed)
        {
            throw new ConflictException("attachment.dossier_closed", "Hồ sơ đã kết thúc xử lý; không đối chiếu thêm giấy tờ.");
        }

        var name = (await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.RequiredDocuments)
                .SingleAsync(cancellationToken)).FirstOrDefault(d => d.Code == attachment.DocumentCode)?.Name ?? attachment.DocumentCode;
        var what = Text.Clean($"{name} (tệp {attachment.FileName}): bản sao điện tử đã được đối chiếu với bản chính.");
        if (dossier.WorkflowInstanceId is { } instanceId)
        {
            await engine.RecordAttachmentCertifiedAsync(instanceId, official, command.ExpectedVersion, what, cancellationToken);
        }
        else
        {
            // A dossier without a workflow (a migrated one whose procedure has none) has no journal: the audit log keeps it.
            await audit.WriteAsync("dossier.attachmentCertified", "Dossier", dossier.Code, null,
                new { attachment = attachment.Id, attachment.DocumentCode, role = official.Role }, dossier.Code, cancellationToken);
        }

        var stored = await certified.CertifyAsync(dossier, [attachment], Guid.Parse(official.UserId), cancellationToken) > 0;
        return new CertifyAttachmentResult(stored
            ? $"Đã chứng thực bản sao điện tử “{attachment.FileName}” (đối chiếu bản chính) và lưu vào kho dữ liệu của người nộp."
            : $"Đã chứng thực bản sao điện tử “{attachment.FileName}” (đối chiếu bản chính).", stored);
    }
}
