using OneStop.Application.Common;
using OneStop.Application.Dossiers;
using OneStop.Application.Officials;
using OneStop.Core.Common;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Notifications;
using OneStop.Infrastructure.Signing;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Workspace;

public sealed record ApologiseCommand(Guid DossierId, DateOnly? NewDate, string? Reason);

/// <summary>
/// The receiving agency apologises for a late dossier: the apology letter with a new date, the date tracked on the dossier (its original
/// appointment still decides lateness), journaled with who, when and from where (hence the audit log and the timeline), the applicant told.
/// An official who signs remotely confirms the letter on their device: the new date and the journal stand at once, the letter is issued
/// (and the applicant told) when signed.
/// </summary>
public sealed class Apologise(OneStopDbContext db, WorkspaceDossiers dossiers, DossierAccess access, OfficialContext officials, IWorkflowEngine engine,
    DocumentIssuer issuer, DocumentNotices documentNotices, IAuditLog audit, RemoteSignatures signatures, IUnitOfWork unitOfWork)
    : DirectDocumentUseCase<ApologiseCommand>(signatures, unitOfWork)
{
    /// <summary>What the official is told once the apology is made (the page and the API say the same).</summary>
    public static string Announcement(IssueOutcome letter, DateOnly newDate)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var date = newDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return letter.IsAwaitingSignature ? $"Đã hẹn lại ngày {date}. {letter.AwaitingMessage}" : $"Đã phát hành văn bản xin lỗi, hẹn lại ngày {date}.";
    }

    protected override async Task<IssueOutcome> RunAsync(ApologiseCommand command, CancellationToken cancellationToken)
    {
        var official = await officials.RequireAsync(cancellationToken);
        var newDate = command.NewDate ?? throw new DomainException("apology.date_required", "Chọn ngày hẹn trả mới.");
        var dossier = await dossiers.GetAsync(command.DossierId, cancellationToken);
        if (!access.IsOwnAgency(dossier))
        {
            throw new ForbiddenException("document.not_owner", "Chỉ cơ quan tiếp nhận hồ sơ phát hành văn bản xin lỗi.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new DomainException("apology.reason_required", "Văn bản xin lỗi cần nêu lý do chậm trả kết quả.");
        }

        var newDueAt = VietnamTime.At(newDate, new TimeOnly(17, 0));
        dossier.PromiseNewDate(newDueAt);
        await db.SaveChangesAsync(cancellationToken);
        var reason = Text.Clean(command.Reason);
        var document = await issuer.IssueOrAwaitSignatureAsync(new IssueRequest(dossier.Code!, DocumentKinds.Apology)
        {
            IssuedBy = official.UserId,
            Comment = reason,
            NewDueAt = newDueAt,
        }, cancellationToken);
        if (dossier.WorkflowInstanceId is { } instanceId)
        {
            await engine.RecordApologyAsync(instanceId, official, newDueAt, reason, [document.Kind], cancellationToken);
        }
        else
        {
            // A dossier without a workflow (a migrated one whose procedure has none) has no journal: the audit log keeps it.
            await audit.WriteAsync("dossier.apologised", "Dossier", dossier.Code, null,
                new { newDueAt, reason, document = document.DocumentId, role = official.Role, awaitingSignature = document.IsAwaitingSignature },
                dossier.Code, cancellationToken);
        }

        if (document.Document is { } issued)
        {
            // A letter waiting for its signature is announced when it is issued (RemoteSignatures).
            await documentNotices.IssuedAsync(issued, workflowOutboxId: null, cancellationToken);
        }

        return document;
    }
}
