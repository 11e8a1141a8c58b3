using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using OneStop.Application.Dossiers;
using OneStop.Application.Officials;
using OneStop.Application.Workspace;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Files;
using OneStop.Web.Features.Workspace;
using OneStop.Web.Hosting;
using OneStop.Workflows.Runtime.Errors;

namespace OneStop.Web.Api;

/// <summary>
/// The officials' API (/api/v1/workspace), for the province's e-office and mobile apps: the inbox, a dossier as an official sees it,
/// and every action the workspace page offers — adapters over the same query classes and use cases as the page, so the rules, the
/// journal entries and the documents are the same. A dossier's representation carries its workflow version as an ETag; an action
/// must send it back in If-Match (428 without it, 412 when someone acted meanwhile).
/// </summary>
internal static class WorkspaceEndpoints
{
    public sealed record InboxItem(Guid DossierId, Guid TaskId, string Code, string Procedure, string Step, string Applicant, DateTimeOffset? SubmittedAt,
        DateTimeOffset? DueAt, string Deadline, bool AssignedToMe, bool Claimable, string Status, string Channel, string Url);

    public sealed record InboxChoice(string Value, string Label);

    public sealed record InboxResponse(IReadOnlyList<InboxItem> Items, int Total, int Overdue, int DueSoon, int Mine, int Unassigned, int Page, int Pages,
        int PageSize, IReadOnlyList<InboxChoice> Procedures, IReadOnlyList<InboxChoice> Steps);

    public sealed record ActionInfo(Guid TaskId, string StepId, string StepName, string ActionId, string Label, bool RequiresComment, bool RequiresFile,
        IReadOnlyList<string> Issues, IReadOnlyList<InboxChoice> Departments, bool ReturnsResult);

    public sealed record Colleague(Guid Id, string FullName);

    public sealed record TaskInfo(Guid TaskId, string Step, string? AssignedTo, DateTimeOffset? DueAt, string Deadline, bool Claimable,
        IReadOnlyList<Colleague> AssignableTo);

    public sealed record FieldInfo(string Label, string Value);

    public sealed record DossierResponse(Guid Id, string? Code, string ProcedureCode, string Procedure, string Agency, string Status, string StatusText,
        string? CurrentStage, DateTimeOffset? DueAt, string? Deadline, string Applicant, IReadOnlyList<FieldInfo> Fields,
        IReadOnlyList<DossierViews.TimelineEntry> Timeline, IReadOnlyList<DossierViews.DocumentLink> Documents,
        IReadOnlyList<AttachmentLink> Attachments, IReadOnlyList<ActionInfo> Actions, IReadOnlyList<TaskInfo> Tasks, bool CanApologise,
        bool OtherAgency, string? ResultReturnedBy, long Version, IReadOnlyList<SignatureInfo>? Signatures = null);

    /// <summary>
    /// A document waiting for its official's remote signature (state Pending: "Chờ ký số trên thiết bị") or whose signing failed (Failed, with
    /// the reason); CanResign: the caller is its signer and may sign again (POST …/signatures/{signatureId}/resign).
    /// </summary>
    public sealed record SignatureInfo(Guid Id, string Kind, string Title, string State, string StateText, string Signer, DateTimeOffset SubmittedAt,
        DateTimeOffset ExpiresAt, string? FailureReason, bool CanResign);

    /// <summary>An attached file; Provenance says where it came from when the applicant picked it from their document store, Certified that the counter compared it with the original.</summary>
    public sealed record AttachmentLink(Guid Id, string DocumentCode, string FileName, string ContentType, long Size, string Sha256, string Url,
        string? Provenance = null, bool Certified = false);

    public sealed record ActionRequest(string? Comment, string? Department, HandoverMethod? HandoverMethod, string? ReceivedBy);

    public sealed record AssignRequest(Guid AssigneeId);

    public sealed record ApologyRequest(DateOnly? NewDate, string? Reason);

    public sealed record WalkInApplicant(string? FullName, string? IdNumber, string? Phone, string? Email, string? Address);

    /// <summary>A walk-in; CertifiedCopies: the counter compared every scanned paper with its original.</summary>
    public sealed record WalkInRequest(string? ProcedureCode, WalkInApplicant? Applicant, JsonObject? FormData, bool? CertifiedCopies = null);

    public sealed record Done(string DossierCode, string Message, long? Version);

    public sealed record WalkInResponse(Guid Id, string? Code, IReadOnlyList<string> FileWarnings, string Url);

    public static void MapWorkspaceEndpoints(this RouteGroupBuilder v1)
    {
        var workspace = v1.MapGroup("/workspace").WithTags("Workspace").RequireAuthorization(AuthenticationExtensions.OfficialPolicy);
        workspace.MapGet("/inbox", InboxAsync).WithName("WorkspaceInbox")
            .WithSummary("Hộp việc của cán bộ: việc được giao và việc chờ nhận của vai trò, phòng ban; cùng bộ lọc (q, filter=mine|soon|overdue|unassigned, procedure, step, status, channel, from, to, sort=desc), phân trang (page) và số đếm như trang Hộp việc.");
        workspace.MapGet("/dossiers/{id:guid}", DossierAsync).WithName("WorkspaceDossier")
            .WithSummary("Hồ sơ như cán bộ thấy: thông tin, tờ khai, quá trình xử lý, giấy tờ, văn bản, các thao tác được phép và việc đang mở. ETag là phiên bản của hồ sơ, gửi lại trong If-Match khi thao tác.");
        workspace.MapPost("/dossiers/{id:guid}/tasks/{taskId:guid}/claim", ClaimAsync).WithName("WorkspaceClaimTask")
            .WithSummary("Nhận xử lý một việc đang chờ của vai trò và phòng ban mình.");
        workspace.MapPost("/dossiers/{id:guid}/tasks/{taskId:guid}/assign", AssignAsync).WithName("WorkspaceAssignTask")
            .WithSummary("Phân công việc cho cán bộ cùng bộ phận, đúng vai trò (người đang giữ việc hoặc lãnh đạo cơ quan).");
        workspace.MapPost("/dossiers/{id:guid}/tasks/{taskId:guid}/actions/{actionId}", ActAsync).WithName("WorkspacePerformAction")
            .Accepts<ActionRequest>("application/json", "multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(16 * 1024 * 1024))
            .WithSummary("Thực hiện một thao tác của quy trình (ý kiến, phòng ban xử lý tiếp, hình thức trả kết quả). Cần If-Match: ETag của hồ sơ. Thao tác cần tệp kết quả: gửi multipart (comment, department, handoverMethod, receivedBy, file).");
        workspace.MapPost("/dossiers/{id:guid}/apology", ApologiseAsync).WithName("WorkspaceApologise")
            .WithSummary("Phát hành văn bản xin lỗi hồ sơ trễ hạn với ngày hẹn trả mới và lý do (cơ quan tiếp nhận).");
        workspace.MapPost("/dossiers/{id:guid}/attachments/{attachmentId:guid}/certify", CertifyAsync).WithName("WorkspaceCertifyAttachment")
            .RequireAuthorization(policy => policy.RequireRole(Core.Identity.Roles.Reception))
            .WithSummary("Bộ phận một cửa xác nhận đã đối chiếu một giấy tờ đính kèm với bản chính (bản sao điện tử đã được chứng thực): ghi vào quá trình xử lý (người, thời điểm) và lưu một lần vào kho dữ liệu của người nộp. Cần If-Match: ETag của hồ sơ. Xác nhận lần hai: 409.");
        workspace.MapPost("/dossiers/{id:guid}/signatures/{signatureId:guid}/resign", ResignAsync).WithName("WorkspaceResignDocument")
            .WithSummary("Ký lại văn bản mà việc ký số từ xa không thành công (người ký từ chối trên thiết bị hoặc yêu cầu hết hạn): chỉ cán bộ ký văn bản đó.");
        workspace.MapPost("/walk-ins", WalkInAsync).WithName("WorkspaceWalkIn")
            .Accepts<WalkInRequest>("application/json", "multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024 * 1024))
            .RequireRateLimiting(Security.RateLimits.Submit)
            .RequireAuthorization(policy => policy.RequireRole(Core.Identity.Roles.Reception))
            .WithSummary("Bộ phận một cửa tiếp nhận hồ sơ trực tiếp: người nộp, tờ khai (formData). Kèm bản quét: multipart với trường 'request' (JSON như trên) và các tệp 'doc.{mã giấy tờ}'; certifiedCopies=true khi đã đối chiếu bản scan với bản chính (bản sao có chứng thực, lưu vào kho dữ liệu của người nộp có tài khoản trùng e-mail và số CCCD).");
        workspace.MapGet("/register", OfficialDocumentEndpoints.RegisterAsync).WithName("WorkspaceRegister")
            .WithSummary("Sổ theo dõi hồ sơ của cơ quan trong khoảng thời gian (from, to; format=pdf|csv), như trang Sổ theo dõi.");
    }

    private static async Task<Results<Ok<InboxResponse>, ProblemHttpResult>> InboxAsync(string? q, string? filter, string? procedure, string? step,
        DossierStatus? status, SubmissionChannel? channel, DateOnly? from, DateOnly? to, string? sort, int? page, OfficialContext officials, Inbox inbox,
        CancellationToken cancellationToken)
    {
        if (await officials.ActorAsync(cancellationToken) is not { } actor)
        {
            return NotAnOfficial();
        }

        var result = await inbox.ListAsync(actor, new Inbox.Query
        {
            Q = q,
            Filter = filter is "mine" or "soon" or "overdue" or "unassigned" ? filter : null,
            Procedure = procedure,
            Step = step,
            Status = status,
            Channel = channel,
            From = from,
            To = to,
            Descending = sort == "desc",
            Page = Math.Clamp(page ?? 1, 1, 100_000),
        }, cancellationToken);
        return TypedResults.Ok(new InboxResponse(
            result.Items.Select(i => new InboxItem(i.DossierId, i.TaskId, i.Code, i.Procedure, i.Step, i.Applicant, i.SubmittedAt, i.DueAt,
                i.Deadline.ToString(), i.AssignedToMe, i.Claimable, i.Status.ToString(), i.Channel.ToString(), $"/api/v1/workspace/dossiers/{i.DossierId}")).ToList(),
            result.Total, result.Overdue, result.DueSoon, result.Mine, result.Unassigned, result.Page, result.Pages, Inbox.PageSize,
            result.Procedures.Select(c => new InboxChoice(c.Value, c.Label)).ToList(), result.Steps.Select(c => new InboxChoice(c.Value, c.Label)).ToList()));
    }

    private static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> DossierAsync(Guid id, WorkspaceDossierView pages, PersonalDataReads reads,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var page = await pages.FindAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        // Who saw what (Decree 13/2023): an official's reading of the dossier is audited, as on the page.
        await reads.DossierAsync(id, page.Record.Code, cancellationToken);
        response.Headers.ETag = ETagOf(page.Version);
        var view = page.View;
        return TypedResults.Ok(new DossierResponse(view.Id, view.Code, view.ProcedureCode, view.Procedure, view.Agency, view.Status, view.StatusText,
            view.CurrentStage, view.DueAt, page.DossierDeadline?.ToString(), page.Applicant,
            page.Fields.Select(f => new FieldInfo(f.Label, f.Value)).ToList(), view.Timeline, view.Documents,
            view.Attachments.Select(a => new AttachmentLink(a.Id, a.DocumentCode, a.FileName, a.ContentType, a.Size, a.Sha256,
                $"/api/v1/dossiers/{view.Id}/attachments/{a.Id}", a.Provenance, a.Certified)).ToList(),
            page.Actions.Select(a => new ActionInfo(a.TaskId, a.StepId, a.StepName, a.ActionId, a.Label, a.RequiresComment, a.RequiresFile, a.Issues,
                a.DepartmentChoices.Select(d => new InboxChoice(d, page.DepartmentNames.GetValueOrDefault(d) ?? d)).ToList(),
                a.ActionId == ReturnResult.ActionId)).ToList(),
            page.Tasks.Select(t => new TaskInfo(t.TaskId, t.Step, t.AssignedTo, t.DueAt, t.Deadline.ToString(), t.Claimable,
                t.Colleagues.Select(c => new Colleague(c.Id, c.FullName)).ToList())).ToList(),
            page.CanApologise, page.IsOtherAgency, page.ReturnedByName, page.Version,
            page.Signatures.Select(s => new SignatureInfo(s.Id, s.Kind, s.Title, s.State.ToString(), s.StateLabel, s.SignerName, s.SubmittedAt, s.ExpiresAt,
                s.FailureReason, s.CanResign)).ToList()));
    }

    private static Task<Results<Ok<Done>, ProblemHttpResult>> ResignAsync(Guid id, Guid signatureId, ResignDocument resign, OwnDossiersForOfficials visible,
        HttpResponse response, CancellationToken cancellationToken) =>
        GuardedAsync(id, visible, response, async () =>
        {
            var signature = await resign.ExecuteAsync(new ResignDocumentCommand(id, signatureId), cancellationToken);
            return signature.State == Infrastructure.Signing.PendingSignatureState.Pending
                ? $"Đã gửi lại yêu cầu ký số {signature.Title}; hãy xác nhận trên thiết bị."
                : $"Đã ký số và phát hành {signature.Title}.";
        }, cancellationToken);

    private static Task<Results<Ok<Done>, ProblemHttpResult>> ClaimAsync(Guid id, Guid taskId, ClaimTask claim, OwnDossiersForOfficials visible,
        HttpResponse response, CancellationToken cancellationToken) =>
        GuardedAsync(id, visible, response, async () => (await claim.ExecuteAsync(new ClaimTaskCommand(taskId), cancellationToken)).Message,
            cancellationToken);

    private static Task<Results<Ok<Done>, ProblemHttpResult>> AssignAsync(Guid id, Guid taskId, AssignRequest request, AssignTask assign,
        OwnDossiersForOfficials visible, HttpResponse response, CancellationToken cancellationToken) =>
        GuardedAsync(id, visible, response,
            async () => (await assign.ExecuteAsync(new AssignTaskCommand(taskId, request.AssigneeId), cancellationToken)).Message, cancellationToken);

    private static async Task<Results<Ok<Done>, ProblemHttpResult>> ActAsync(Guid id, Guid taskId, string actionId, HttpRequest http,
        PerformAction perform, ReturnResult returnResult, OwnDossiersForOfficials visible, HttpResponse response,
        CancellationToken cancellationToken)
    {
        // Whose dossier first: a stranger learns nothing from the If-Match answer.
        if (!await visible.CanSeeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ExpectedVersion(http) is not { } version)
        {
            return IfMatchRequired();
        }

        ActionRequest request;
        IFormFile? file = null;
        if (http.HasFormContentType)
        {
            var form = await ReadFormAsync(http, cancellationToken);
            file = form.Files.GetFile("file");
            HandoverMethod? method = Enum.TryParse<HandoverMethod>(form["handoverMethod"], ignoreCase: true, out var parsed) ? parsed : null;
            request = new ActionRequest(form["comment"], form["department"], method, form["receivedBy"]);
        }
        else
        {
            request = await ReadJsonAsync<ActionRequest>(http, cancellationToken) ?? new ActionRequest(null, null, null, null);
        }

        try
        {
            return await GuardedAsync(id, visible, response, async () =>
            {
                await using var content = file is { Length: > 0 } ? file.OpenReadStream() : null;
                var action = new PerformActionCommand(id, taskId, actionId, request.Comment, version, request.Department,
                    content is null ? null : new Upload(file!.FileName, content));
                return actionId == ReturnResult.ActionId
                    ? (await returnResult.ExecuteAsync(new ReturnResultCommand(action, request.HandoverMethod, request.ReceivedBy), cancellationToken)).Message
                    : (await perform.ExecuteAsync(action, cancellationToken)).Message;
            }, cancellationToken);
        }
        catch (WorkflowConflictException ex)
        {
            return Stale(ex);
        }
    }

    private static async Task<Results<Ok<Done>, ProblemHttpResult>> CertifyAsync(Guid id, Guid attachmentId, HttpRequest http, CertifyAttachment certify,
        OwnDossiersForOfficials visible, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!await visible.CanSeeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ExpectedVersion(http) is not { } version)
        {
            return IfMatchRequired();
        }

        try
        {
            return await GuardedAsync(id, visible, response,
                async () => (await certify.ExecuteAsync(new CertifyAttachmentCommand(id, attachmentId, version), cancellationToken)).Message,
                cancellationToken);
        }
        catch (WorkflowConflictException ex)
        {
            return Stale(ex);
        }
    }

    private static Task<Results<Ok<Done>, ProblemHttpResult>> ApologiseAsync(Guid id, ApologyRequest request, Apologise apologise,
        OwnDossiersForOfficials visible, HttpResponse response, CancellationToken cancellationToken) =>
        GuardedAsync(id, visible, response, async () =>
        {
            var letter = await apologise.ExecuteAsync(new ApologiseCommand(id, request.NewDate, request.Reason), cancellationToken);
            return Apologise.Announcement(letter, request.NewDate!.Value);
        }, cancellationToken);

    private static async Task<Results<Created<WalkInResponse>, ProblemHttpResult>> WalkInAsync(HttpRequest http, WalkInIntake intake,
        CancellationToken cancellationToken)
    {
        WalkInRequest? request;
        IReadOnlyList<IFormFile> uploads = [];
        if (http.HasFormContentType)
        {
            var form = await ReadFormAsync(http, cancellationToken);
            request = Parse<WalkInRequest>(form["request"].ToString());
            uploads = form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("doc.", StringComparison.Ordinal) && f.Name.Length > 4).ToList();
        }
        else
        {
            request = await ReadJsonAsync<WalkInRequest>(http, cancellationToken);
        }

        var errors = new Dictionary<string, string[]>();
        var applicant = request?.Applicant;
        if (string.IsNullOrWhiteSpace(request?.ProcedureCode))
        {
            errors["procedureCode"] = ["Mã thủ tục: bắt buộc nhập."];
        }

        if (string.IsNullOrWhiteSpace(applicant?.FullName))
        {
            errors["applicant.fullName"] = ["Họ và tên người nộp: bắt buộc nhập."];
        }

        if (!string.IsNullOrWhiteSpace(applicant?.IdNumber) && !VietnameseFormats.IsIdNumber(applicant.IdNumber))
        {
            errors["applicant.idNumber"] = ["Số CCCD/CMND: phải gồm 12 hoặc 9 chữ số."];
        }

        if (!string.IsNullOrWhiteSpace(applicant?.Email) && !OneStop.Infrastructure.Email.EmailOutbox.IsDeliverable(applicant.Email))
        {
            errors["applicant.email"] = ["E-mail người nộp: địa chỉ e-mail không hợp lệ."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Dữ liệu không hợp lệ",
                Type = "https://onestop.vn/errors/validation",
            });
        }

        var streams = uploads.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var result = await intake.ExecuteAsync(new WalkInIntakeCommand(request!.ProcedureCode!.Trim(),
                new Applicant(applicant!.FullName!, applicant.IdNumber, applicant.Phone, applicant.Email?.Trim(), applicant.Address),
                (request.FormData ?? []).ToJsonString(), uploads.Select((f, i) => (f.Name[4..], new Upload(f.FileName, streams[i]))).ToList(),
                request.CertifiedCopies == true), cancellationToken);
            var url = $"/api/v1/workspace/dossiers/{result.Dossier.Id}";
            return TypedResults.Created(url, new WalkInResponse(result.Dossier.Id, result.Dossier.Code, result.FileWarnings, url));
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>As the page: the dossier must be one the official sees; the engine's and the domain's refusals become problems (ProblemExceptionHandler).</summary>
    private static async Task<Results<Ok<Done>, ProblemHttpResult>> GuardedAsync(Guid id, OwnDossiersForOfficials visible, HttpResponse response,
        Func<Task<string>> act, CancellationToken cancellationToken)
    {
        if (!await visible.CanSeeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        string message;
        try
        {
            message = await act();
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem("Hồ sơ vừa được người khác cập nhật. Hãy tải lại hồ sơ rồi thử lại.", statusCode: StatusCodes.Status409Conflict,
                title: "Xung đột dữ liệu", type: "https://onestop.vn/errors/workflow.conflict");
        }

        var code = await visible.CodeAsync(id, cancellationToken);
        // After the step went back to another agency (liên thông) the official no longer sees it: no version to give.
        var version = await visible.VersionAsync(id, cancellationToken);
        if (version is { } current)
        {
            response.Headers.ETag = ETagOf(current);
        }

        return TypedResults.Ok(new Done(code ?? string.Empty, message, version));
    }

    private static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version in If-Match ("7" or W/"7"); null when absent or not one of ours.</summary>
    private static long? ExpectedVersion(HttpRequest request)
    {
        var values = request.GetTypedHeaders().IfMatch;
        if (values is not [{ } tag])
        {
            return null;
        }

        var text = tag.Tag.ToString().Trim('"');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (JsonException)
        {
            throw new BadHttpRequestException("Nội dung JSON không đúng định dạng.", StatusCodes.Status400BadRequest);
        }
        catch (InvalidOperationException)
        {
            throw new BadHttpRequestException("Gửi nội dung JSON (application/json).", StatusCodes.Status415UnsupportedMediaType);
        }
    }

    /// <summary>The form of a multipart request; a body the reader cannot parse (broken or missing boundary, cut short) is a 400, as the framework's own form binding answers.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        try
        {
            return await http.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new BadHttpRequestException("Nội dung multipart không đúng định dạng.", StatusCodes.Status400BadRequest, ex);
        }
    }

    private static T? Parse<T>(string json) where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            throw new BadHttpRequestException("Trường 'request' không phải JSON hợp lệ.", StatusCodes.Status400BadRequest);
        }
    }

    private static ProblemHttpResult IfMatchRequired() => TypedResults.Problem(
        "Gửi lại ETag của hồ sơ (GET /api/v1/workspace/dossiers/{id}) trong header If-Match, để không ghi đè thao tác của người khác.",
        statusCode: StatusCodes.Status428PreconditionRequired, title: "Thiếu If-Match", type: "https://onestop.vn/errors/workspace.if_match_required");

    private static ProblemHttpResult Stale(WorkflowConflictException ex) => TypedResults.Problem(ex.MessageVi,
        statusCode: StatusCodes.Status412PreconditionFailed, title: "Hồ sơ đã thay đổi", type: "https://onestop.vn/errors/workspace.stale_version");

    private static ProblemHttpResult NotFound() => TypedResults.Problem("Không có hồ sơ này trong phạm vi của cán bộ.", statusCode: StatusCodes.Status404NotFound,
        title: "Không tìm thấy", type: "https://onestop.vn/errors/not_found");

    private static ProblemHttpResult NotAnOfficial() => TypedResults.Problem("Tài khoản không gắn với cơ quan, phòng ban nào.",
        statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền", type: "https://onestop.vn/errors/forbidden");
}
