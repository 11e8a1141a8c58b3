using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Web.Features.Admin.Workflows;
using OneStop.Web.Hosting;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Simulation;
using OneStop.Workflows.Validation;

namespace OneStop.Web.Api;

/// <summary>The workflow console for programs: list, validate, publish, simulate and migrate running instances.</summary>
internal static class AdminWorkflowEndpoints
{
    public sealed record CheckResponse(bool Valid, IReadOnlyList<ProblemRow> Problems, string? Mermaid);

    public sealed record ProblemRow(string Code, string Path, string Message, string MessageVi);

    public sealed record PublishResponse(string Id, int Version, bool Created);

    public sealed record MigrationRequest(int FromVersion, int ToVersion, Dictionary<string, string>? StepMapping, string? Comment);

    public static void MapAdminWorkflowEndpoints(this RouteGroupBuilder v1)
    {
        var admin = v1.MapGroup("/admin/workflows").WithTags("Administration").RequireAuthorization(AuthenticationExtensions.AdminPolicy);
        admin.MapGet("/", ListAsync).WithName("ListWorkflows").WithSummary("Các phiên bản quy trình đã ban hành và số hồ sơ đang chạy theo từng phiên bản.");
        admin.MapGet("/{id}/{version:int}", GetAsync).WithName("GetWorkflow").WithSummary("Định nghĩa JSON của một phiên bản quy trình.");
        admin.MapPost("/validate", ValidateAsync).WithName("ValidateWorkflow")
            .WithSummary("Kiểm tra một định nghĩa quy trình (JSON trong thân yêu cầu) bằng bộ kiểm tra của engine; trả về lỗi và sơ đồ Mermaid.");
        admin.MapPost("/", PublishAsync).WithName("PublishWorkflow")
            .WithSummary("Ban hành một phiên bản quy trình (JSON trong thân yêu cầu); 422 nếu không hợp lệ, 409 nếu phiên bản đã có với nội dung khác.");
        admin.MapPost("/simulate", SimulateAsync).WithName("SimulateWorkflow")
            .WithSummary("Mô phỏng một hồ sơ mẫu đi qua bản nháp với các thao tác đã chọn, theo lịch làm việc thật.");
        admin.MapPost("/{id}/migrations/preview", PreviewAsync).WithName("PreviewWorkflowMigration")
            .WithSummary("Xem trước việc chuyển các hồ sơ đang chạy sang phiên bản khác theo bảng ánh xạ bước.");
        admin.MapPost("/{id}/migrations", MigrateAsync).WithName("MigrateWorkflowInstances")
            .WithSummary("Chuyển các hồ sơ đang chạy sang phiên bản khác theo bảng ánh xạ bước.");
    }

    private static async Task<Ok<IReadOnlyList<PublishedWorkflow>>> ListAsync(WorkflowConsole console, CancellationToken cancellationToken) =>
        TypedResults.Ok(await console.ListAsync(cancellationToken));

    private static async Task<Results<ContentHttpResult, NotFound>> GetAsync(string id, int version, WorkflowConsole console, CancellationToken cancellationToken) =>
        await console.FindJsonAsync(id, version, cancellationToken) is { } json ? TypedResults.Text(json, "application/json") : TypedResults.NotFound();

    private static async Task<Ok<CheckResponse>> ValidateAsync(HttpRequest request, WorkflowConsole console, CancellationToken cancellationToken)
    {
        var check = console.Check(await ReadBodyAsync(request, cancellationToken));
        return TypedResults.Ok(new CheckResponse(check.IsValid, Rows(check.Problems), check.Mermaid));
    }

    private static async Task<Results<Created<PublishResponse>, Ok<PublishResponse>, ProblemHttpResult>> PublishAsync(
        HttpRequest request, ClaimsPrincipal user, WorkflowConsole console, CancellationToken cancellationToken)
    {
        var check = console.Check(await ReadBodyAsync(request, cancellationToken));
        var (created, problems) = console.Publish(check, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name);
        if (problems is [{ Code: ProblemCode.DuplicateId, Path: "$.version" } conflict] && check.IsValid)
            return Refused(StatusCodes.Status409Conflict, "Phiên bản đã có",
                $"Phiên bản {check.Definition!.Version} của quy trình {check.Definition.Id} đã được ban hành với nội dung khác.", "workflow.version_exists",
                Rows([conflict]), check.Mermaid);
        if (problems.Count > 0)
            return Invalid(problems, check.Mermaid);
        var body = new PublishResponse(check.Definition!.Id, check.Definition.Version, created);
        return created ? TypedResults.Created($"/api/v1/admin/workflows/{body.Id}/{body.Version}", body) : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<SimulationResult>, ProblemHttpResult>> SimulateAsync(SimulationInput input, WorkflowConsole console,
        CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await console.SimulateAsync(input, cancellationToken));
        }
        catch (WorkflowValidationException ex)
        {
            return Invalid(ex.Problems, null);
        }
    }

    private static async Task<Ok<MigrationPreview>> PreviewAsync(string id, MigrationRequest request, WorkflowConsole console, CancellationToken cancellationToken) =>
        TypedResults.Ok(await console.PreviewAsync(id, request.FromVersion, request.ToVersion, request.StepMapping ?? [], cancellationToken));

    private static async Task<Results<Ok<MigrationReport>, ProblemHttpResult>> MigrateAsync(string id, MigrationRequest request, ClaimsPrincipal user,
        WorkflowConsole console, CancellationToken cancellationToken)
    {
        var mapping = request.StepMapping ?? [];
        var preview = await console.PreviewAsync(id, request.FromVersion, request.ToVersion, mapping, cancellationToken);
        if (preview.Blocked > 0)
            return TypedResults.Problem($"{preview.Blocked} hồ sơ không chuyển được theo bảng ánh xạ bước; xem trước để biết hồ sơ nào và vì sao.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Không thể chuyển phiên bản", type: "https://onestop.vn/errors/workflow.migration_blocked",
                extensions: new Dictionary<string, object?> { ["preview"] = preview });
        var admin = new WorkflowActor(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "admin", WorkflowRoles.Admin);
        return TypedResults.Ok(await console.MigrateAsync(id, request.FromVersion, request.ToVersion, mapping, admin, request.Comment, cancellationToken));
    }

    /// <summary>
    /// A definition the validator refuses: a ProblemDetails (422) that carries the validator's report as extensions — <c>valid</c>,
    /// <c>problems</c> (each with its JSON path and Vietnamese message) and the <c>mermaid</c> diagram when one could be drawn.
    /// </summary>
    private static ProblemHttpResult Invalid(IReadOnlyList<WorkflowProblem> problems, string? mermaid) =>
        Refused(StatusCodes.Status422UnprocessableEntity, "Định nghĩa quy trình không hợp lệ",
            problems.Count == 1 ? problems[0].MessageVi : $"Định nghĩa quy trình có {problems.Count} lỗi; xem danh sách 'problems'.",
            "workflow.invalid", Rows(problems), mermaid);

    private static ProblemHttpResult Refused(int status, string title, string detail, string code, List<ProblemRow> rows, string? mermaid) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: $"https://onestop.vn/errors/{code}",
            extensions: new Dictionary<string, object?> { ["code"] = code, ["valid"] = false, ["problems"] = rows, ["mermaid"] = mermaid });

    private static List<ProblemRow> Rows(IReadOnlyList<WorkflowProblem> problems) =>
        problems.Select(p => new ProblemRow(p.Code.ToString(), p.Path, p.Message, p.MessageVi)).ToList();

    private const int MaxDefinitionBytes = 1024 * 1024;

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxDefinitionBytes)
            throw new BadHttpRequestException("A workflow definition is at most 1 MiB.", StatusCodes.Status413PayloadTooLarge);
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
