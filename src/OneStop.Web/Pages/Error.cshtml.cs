using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = string.Empty;
    public string Message { get; private set; } = string.Empty;
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code ?? 500);

    public void OnPost(int? code) => Describe(code ?? 500);

    /// <summary>The seconds the rate limiter asked to wait (kept for the re-executed error page, and its header restored).</summary>
    private int RetryAfter()
    {
        var seconds = HttpContext.Items[Security.RateLimits.RetryAfterItem] as int? ?? 60;
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }

    private void Describe(int code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        // An overloaded or unreachable database: the person is told the system is busy, with the status a proxy can act on.
        if (error is not null && OneStop.Infrastructure.Database.DatabaseFailures.Unavailable(error))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = Api.ProblemExceptionHandler.RetryAfterSeconds;
            (Title, Message) = ("Hệ thống đang bận", "Hệ thống đang quá tải hoặc tạm thời không kết nối được cơ sở dữ liệu; thao tác của bạn chưa được thực hiện xong. Vui lòng thử lại sau ít phút.");
            return;
        }

        // A page request refused by a rule (ProblemExceptionHandler set its 4xx status, but a page asks for HTML, not a problem) is told
        // so, in the rule's own words (a DomainException's message is written for people) — not that the system failed.
        if (error is not null && Response.StatusCode is >= 400 and < 500)
        {
            code = Response.StatusCode;
        }

        (Title, Message) = code switch
        {
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép xem trang này."),
            404 => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi."),
            400 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không đúng định dạng."),
            429 => ("Quá nhiều yêu cầu", Security.RateLimits.TooMany(RetryAfter())),
            409 => ("Xung đột dữ liệu", "Dữ liệu vừa được thay đổi cùng lúc; vui lòng tải lại trang rồi thử lại."),
            _ => ("Đã có lỗi xảy ra", "Hệ thống gặp sự cố. Dữ liệu của bạn không bị mất; vui lòng thử lại sau ít phút."),
        };
        if (code is >= 400 and < 500 and not 429
            && OneStop.Infrastructure.Database.DatabaseFailures.InChain<OneStop.Core.Common.DomainException>(error) is { } rule)
        {
            Message = rule.Message;
        }
    }
}
