using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OneStop.Core.Common;
using OneStop.Infrastructure.Database;

namespace OneStop.Web.Api;

/// <summary>Maps domain and validation exceptions to RFC 9457 problem details with Vietnamese text.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A rule's refusal is answered as such also when it comes wrapped (EF Core wraps what its interceptors throw during a save).
        ProblemDetails? problem = (DatabaseFailures.InChain<DomainException>(exception) ?? exception) switch
        {
            ValidationException validation => new HttpValidationProblemDetails(
                validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Dữ liệu không hợp lệ",
                Type = "https://onestop.vn/errors/validation",
            },
            OneStop.Infrastructure.Dossiers.DossierValidationException invalid => new HttpValidationProblemDetails(
                invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Hồ sơ chưa hợp lệ",
                Detail = invalid.Message,
                Type = "https://onestop.vn/errors/dossier.invalid",
            },
            NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Không tìm thấy", notFound),
            ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Xung đột dữ liệu", conflict),
            ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Không có quyền", forbidden),
            // The mail server did not take an account mail (the account itself stands): try again later.
            Features.Accounts.MailUnavailableException mail => Problem(StatusCodes.Status503ServiceUnavailable, "Chưa gửi được thư", mail),
            DomainException domain => Problem(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", domain),
            OneStop.Workflows.Runtime.Errors.WorkflowConflictException conflict => Workflow(StatusCodes.Status409Conflict, "Xung đột dữ liệu", conflict),
            OneStop.Workflows.Runtime.Errors.WorkflowNotFoundException missing => Workflow(StatusCodes.Status404NotFound, "Không tìm thấy", missing),
            OneStop.Workflows.Runtime.Errors.WorkflowException workflow => Workflow(StatusCodes.Status409Conflict, "Thao tác không được phép lúc này", workflow),
            // Lost a race with another transaction on the same rows: rolled back whole, so the client reloads and tries again (the soak found these as 500s).
            _ when LostRace(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Xung đột dữ liệu",
                Detail = "Hồ sơ vừa được cập nhật cùng lúc bởi một thao tác khác; chưa có thay đổi nào được lưu. Hãy tải lại hồ sơ rồi thử lại.",
                Type = "https://onestop.vn/errors/concurrent_update",
            },
            // Overloaded or unreachable database (the connection pool exhausted, a connection refused or cut, a command timed out): the
            // client is told to come back shortly, never a 500 (found by the hot-path benchmark's open loop on a saturated machine).
            _ when DatabaseFailures.Unavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Hệ thống đang bận",
                Detail = "Hệ thống đang quá tải hoặc tạm thời không kết nối được cơ sở dữ liệu; yêu cầu chưa được thực hiện xong. Vui lòng thử lại sau ít phút.",
                Type = "https://onestop.vn/errors/unavailable",
            },
            // NUL that PostgreSQL refused in a value SendableValues does not check (what it checks is an InvalidCharactersException above).
            _ when DatabaseFailures.InChain(exception, e => e is Npgsql.PostgresException { SqlState: "22021" or "22P05" }) => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Yêu cầu không hợp lệ",
                Detail = OneStop.Infrastructure.Data.InvalidCharactersException.Explanation,
                Type = "https://onestop.vn/errors/" + OneStop.Infrastructure.Data.InvalidCharactersException.ErrorCode,
                Extensions = { ["code"] = OneStop.Infrastructure.Data.InvalidCharactersException.ErrorCode },
            },
            // A form or multipart body the reader cannot parse (no or wrong boundary, a part header without a colon, too many fields).
            InvalidDataException => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Yêu cầu không hợp lệ",
                Detail = "Nội dung biểu mẫu (multipart) không đúng định dạng hoặc vượt giới hạn.",
                Type = "https://onestop.vn/errors/bad-request",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Yêu cầu không hợp lệ",
                Detail = "Nội dung yêu cầu không đúng định dạng.",
                Type = "https://onestop.vn/errors/bad-request",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal const string RetryAfterSeconds = "5";

    /// <summary>A deadlock, a serialization failure, or two saves numbering the same dossier's national-portal message, anywhere in the chain (EF Core's execution strategy wraps them).</summary>
    private static bool LostRace(Exception exception) => DatabaseFailures.InChain(exception, e =>
        e is Npgsql.PostgresException { SqlState: "40P01" or "40001" }
            or Npgsql.PostgresException { SqlState: "23505", ConstraintName: "ix_national_portal_outbox_dossier_id_sequence" });

    private static ProblemDetails Workflow(int status, string title, OneStop.Workflows.Runtime.Errors.WorkflowException exception) => new()
    {
        Status = status,
        Title = title,
        Detail = exception.MessageVi,
        Type = $"https://onestop.vn/errors/{exception.Code}",
        Extensions = { ["code"] = exception.Code },
    };

    private static ProblemDetails Problem(int status, string title, DomainException exception) => new()
    {
        Status = status,
        Title = title,
        Detail = exception.Message,
        Type = $"https://onestop.vn/errors/{exception.Code}",
        Extensions = { ["code"] = exception.Code },
    };
}
