using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Application.Dossiers;
using OneStop.Application.Officials;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Notifications;
using OneStop.Infrastructure.Signing;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Workspace;

/// <summary>The document to correct and why; the new one replaces it, and both stay verifiable.</summary>
public sealed record ReissueDocumentCommand(Guid DossierId, Guid ReplacesDocumentId, string? Reason);

/// <summary>
/// Corrects an issued document (đính chính): a leader of the receiving agency issues a new one that replaces it. Journaled with
/// who, when, from where and why (hence the audit log and the timeline); /verify of either document names the other. A leader who signs
/// remotely confirms the new document on their device; it replaces the old one when it is issued.
/// </summary>
public sealed class ReissueDocument(OneStopDbContext db, WorkspaceDossiers dossiers, DossierAccess access, OfficialContext officials,
    IWorkflowEngine engine, DocumentIssuer issuer, DocumentNotices documentNotices, IAuditLog audit, RemoteSignatures signatures,
    IUnitOfWork unitOfWork) : DirectDocumentUseCase<ReissueDocumentCommand>(signatures, unitOfWork)
{
    protected override async Task<IssueOutcome> RunAsync(ReissueDocumentCommand command, CancellationToken cancellationToken)
    {
        var official = await officials.RequireAsync(cancellationToken);
        var dossier = await dossiers.GetAsync(command.DossierId, cancellationToken);
        if (official.Role != Roles.Leader || !access.IsOwnAgency(dossier))
        {
            throw new ForbiddenException("document.reissue_not_leader", "Chỉ lãnh đạo cơ quan tiếp nhận hồ sơ được đính chính văn bản đã phát hành.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new DomainException("document.reissue_reason_required", "Đính chính văn bản cần nêu lý do.");
        }

        var replaced = await db.IssuedDocuments.AsNoTracking().Where(d => d.Id == command.ReplacesDocumentId && d.DossierId == dossier.Id)
                           .Select(d => new { d.Id, d.Kind }).SingleOrDefaultAsync(cancellationToken)
                       ?? throw new NotFoundException("Không tìm thấy văn bản cần đính chính trong hồ sơ này.");
        if (await db.IssuedDocuments.AnyAsync(d => d.ReplacesId == replaced.Id, cancellationToken))
        {
            throw new ConflictException("document.already_replaced", "Văn bản này đã được đính chính; hãy đính chính văn bản mới nhất.");
        }

        if (await db.PendingSignatures.AnyAsync(p => p.ReplacesId == replaced.Id && p.State == PendingSignatureState.Pending, cancellationToken))
        {
            throw new ConflictException("document.correction_awaiting_signature",
                "Bản đính chính văn bản này đang chờ ký số; hãy xác nhận trên thiết bị hoặc chờ yêu cầu hết hạn.");
        }

        var reason = Text.Clean(command.Reason);
        IssueOutcome document;
        try
        {
            document = await issuer.IssueOrAwaitSignatureAsync(new IssueRequest(dossier.Code!, replaced.Kind)
            {
                IssuedBy = official.UserId,
                Comment = reason,
                NewDueAt = dossier.NewDueAt,
                Replaces = replaced.Id,
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException
                                           { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_issued_documents_replaces_id" })
        {
            // Another correction of the same document was issued at the same moment (two clicks, two leaders): the database keeps one.
            throw new ConflictException("document.already_replaced", "Văn bản này vừa được đính chính; hãy tải lại hồ sơ và đính chính văn bản mới nhất nếu cần.");
        }

        if (dossier.WorkflowInstanceId is { } instanceId)
        {
            await engine.RecordDocumentReissuedAsync(instanceId, official, document.Kind, reason, cancellationToken);
        }
        else
        {
            await audit.WriteAsync("dossier.documentReissued", "Dossier", dossier.Code, null,
                new { replaces = replaced.Id, document = document.DocumentId, kind = document.Kind, reason, role = official.Role,
                    awaitingSignature = document.IsAwaitingSignature }, dossier.Code, cancellationToken);
        }

        if (document.Document is { } issued)
        {
            // A correction waiting for its signature is announced when it is issued (RemoteSignatures).
            await documentNotices.IssuedAsync(issued, workflowOutboxId: null, cancellationToken);
        }

        return document;
    }
}
