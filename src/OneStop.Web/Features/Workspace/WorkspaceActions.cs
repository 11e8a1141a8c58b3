using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Files;
using OneStop.Workflows.Runtime;

namespace OneStop.Web.Features.Workspace;

/// <summary>
/// What an official does on a dossier, beyond the engine's bare transition: the result file an action needs, the hand-over of
/// the result (who, when, how), claiming and assigning a task to a colleague, and the apology with a new date.
/// </summary>
public sealed class WorkspaceActions(
    OneStopDbContext db, IWorkflowEngine engine, IFileStore files, IVirusScanner scanner, IOptions<FileStoreOptions> limits,
    DocumentIssuer issuer, ApplicantNotifier applicant, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The action id that returns the result to the applicant; the workspace asks how and to whom.</summary>
    public const string ReturnResult = "returnResult";

    /// <summary>The document code result files uploaded by officials are stored under.</summary>
    public const string ResultFileCode = "KETQUA";

    public sealed record UploadedFile(string FileName, byte[] Content);

    public sealed record Handover(HandoverMethod Method, string? ReceivedBy);

    public sealed record Colleague(Guid Id, string FullName);

    /// <summary>Performs the action, storing its result file first and recording the hand-over when it returns the result, all in one transaction.</summary>
    public async Task<WorkflowResult> PerformAsync(Dossier dossier, PerformActionRequest request, UploadedFile? file, Handover? handover,
        CancellationToken cancellationToken)
    {
        var action = (await engine.ListAvailableActionsAsync(request.InstanceId, request.Actor, request.FormData, cancellationToken))
            .FirstOrDefault(a => a.TaskId == request.TaskId && a.ActionId == request.ActionId);
        if (action is null)
        {
            // The engine gives the precise reason (task gone, not allowed, condition false).
            return await engine.PerformAsync(request, cancellationToken);
        }

        if (action.RequiresFile && file is null)
        {
            throw new DomainException("action.file_required", $"Thao tác '{action.Label}' cần đính kèm tệp kết quả (PDF, JPEG hoặc PNG).");
        }

        if (action.ActionId == ReturnResult)
        {
            if (handover is null)
            {
                throw new DomainException("handover.method_required", "Chọn hình thức trả kết quả: tại Bộ phận một cửa, trực tuyến hoặc qua bưu chính.");
            }

            if (handover.Method == HandoverMethod.Counter && string.IsNullOrWhiteSpace(handover.ReceivedBy))
            {
                throw new DomainException("handover.receiver_required", "Trả kết quả tại Bộ phận một cửa: nhập họ tên người nhận kết quả.");
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var names = new List<string>();
        if (file is not null)
        {
            var attachment = await StoreResultFileAsync(dossier.Id, Guid.Parse(request.Actor.UserId), file, cancellationToken);
            names.Add(attachment.FileName);
        }

        var comment = request.Comment;
        if (action.ActionId == ReturnResult && handover is not null)
        {
            var tracked = await db.Dossiers.SingleAsync(d => d.Id == dossier.Id, cancellationToken);
            tracked.RecordResultReturn(Guid.Parse(request.Actor.UserId), handover.Method, handover.ReceivedBy, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            comment = string.Join(" ", new[] { DescribeHandover(handover.Method, tracked.ResultReceivedBy), request.Comment }
                .Where(x => !string.IsNullOrWhiteSpace(x)));
        }

        var result = await engine.PerformAsync(request with { Comment = comment, Files = [.. request.Files, .. names] }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>How a hand-over reads on the timeline.</summary>
    public static string DescribeHandover(HandoverMethod method, string? receivedBy) => method switch
    {
        HandoverMethod.Counter => $"Trả kết quả tại Bộ phận một cửa; người nhận: {receivedBy}.",
        HandoverMethod.Online => "Trả kết quả trực tuyến trên Cổng dịch vụ công." + (receivedBy is null ? string.Empty : $" Ghi chú: {receivedBy}."),
        _ => "Trả kết quả qua dịch vụ bưu chính công ích." + (receivedBy is null ? string.Empty : $" Người nhận/số vận đơn: {receivedBy}."),
    };

    public static string MethodName(HandoverMethod method) => method switch
    {
        HandoverMethod.Counter => "Tại Bộ phận một cửa",
        HandoverMethod.Online => "Trực tuyến",
        _ => "Qua bưu chính",
    };

    /// <summary>The colleagues a task may be assigned to: active users holding the task's role in its agency and department.</summary>
    public Task<List<Colleague>> ColleaguesAsync(string role, string agency, string? department, CancellationToken cancellationToken) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         join a in db.Agencies on u.AgencyId equals a.Id
         join d in db.Departments on u.DepartmentId equals d.Id
         where r.Name == role && a.Code == agency && d.Code == department && u.IsActive
         orderby u.FullName
         select new Colleague(u.Id, u.FullName)).Distinct().ToListAsync(cancellationToken);

    /// <summary>Assigns an open task to a colleague of its department (by its assignee or a leader of the agency).</summary>
    public async Task<WorkflowResult> AssignAsync(Guid instanceId, Guid taskId, Guid assignee, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var task = (await engine.GetAsync(instanceId, cancellationToken))?.OpenTasks.FirstOrDefault(t => t.Id == taskId)
            ?? throw new ConflictException("task.closed", "Công việc này không còn mở. Vui lòng tải lại.");
        if (task.Role == Roles.Citizen
            || !(await ColleaguesAsync(task.Role, task.Agency, task.Department, cancellationToken)).Any(c => c.Id == assignee))
        {
            throw new DomainException("task.assignee_invalid", "Chỉ phân công cho cán bộ cùng bộ phận, đúng vai trò xử lý bước này.");
        }

        return await engine.AssignAsync(instanceId, taskId, assignee.ToString(), actor, cancellationToken);
    }

    /// <summary>
    /// Issues the apology with a new date and tracks the date on the dossier; the dossier keeps its original appointment for lateness.
    /// The workflow journal records it (who, when, from where, the new date and reason), and so the audit log and the timeline.
    /// </summary>
    public async Task<IssuedDocument> ApologiseAsync(Guid dossierId, WorkflowActor official, DateOnly newDate, string? reason,
        CancellationToken cancellationToken)
    {
        var newDueAt = VietnamTime.At(newDate, new TimeOnly(17, 0));
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("apology.reason_required", "Văn bản xin lỗi cần nêu lý do chậm trả kết quả.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == dossierId, cancellationToken);
        dossier.PromiseNewDate(newDueAt);
        await db.SaveChangesAsync(cancellationToken);
        var cleanReason = Text.Clean(reason);
        var document = await issuer.IssueAsync(new IssueRequest(dossier.Code!, "apology")
        {
            IssuedBy = official.UserId,
            Comment = cleanReason,
            NewDueAt = newDueAt,
        }, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().Where(i => i.DossierId == dossier.Code).Select(i => (Guid?)i.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (instance is { } instanceId)
        {
            await engine.RecordApologyAsync(instanceId, official, newDueAt, cleanReason, [document.Kind], cancellationToken);
        }
        else
        {
            // A dossier without a workflow (a migrated one whose procedure has none) has no journal: the audit log keeps it.
            await audit.WriteAsync("dossier.apologised", "Dossier", dossier.Code, null,
                new { newDueAt, reason = cleanReason, document = document.Id, role = official.Role }, dossier.Code, cancellationToken);
        }

        await applicant.DocumentIssuedAsync(document, workflowOutboxId: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return document;
    }

    private async Task<DossierAttachment> StoreResultFileAsync(Guid dossierId, Guid officialId, UploadedFile file, CancellationToken cancellationToken)
    {
        if (file.Content.Length == 0)
        {
            throw new DomainException("attachment.empty", "Tệp kết quả rỗng.");
        }

        if (file.Content.Length > limits.Value.MaxFileBytes)
        {
            throw new DomainException("attachment.too_large", $"Tệp kết quả vượt quá dung lượng cho phép ({limits.Value.MaxFileBytes / 1024 / 1024} MB).");
        }

        var type = UploadInspector.DetectType(file.Content)
            ?? throw new DomainException("attachment.type", "Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên).");
        if (await scanner.ScanAsync(file.Content, file.FileName, cancellationToken) is { } threat)
        {
            throw new DomainException("attachment.infected", $"Tệp bị từ chối khi quét virus: {threat}");
        }

        var hash = await files.SaveAsync(file.Content, cancellationToken);
        var attachment = new DossierAttachment(dossierId, ResultFileCode, UploadInspector.SanitizeFileName(file.FileName, type), type,
            file.Content.Length, hash, clock.GetUtcNow(), officialId);
        db.DossierAttachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }
}
