using OneStop.Application.Dossiers;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Core.Payments;
using OneStop.Infrastructure.Payments;

namespace OneStop.Web.Api;

/// <summary>Online payment of a dossier's fee (level 4): start an attempt, follow it, and the provider's signed callback.</summary>
internal static class PaymentEndpoints
{
    public sealed record PaymentInfo(Guid Id, Guid DossierId, decimal Amount, string Status, string StatusText, string Provider,
        DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? ProviderReference, string? ReceiptUrl);

    public sealed record PaymentStarted(Guid PaymentId, decimal Amount, string Status, string RedirectUrl);

    public static void MapPaymentEndpoints(this RouteGroupBuilder v1)
    {
        var dossiers = v1.MapGroup("/dossiers/{id:guid}/payments").WithTags("Payments").RequireAuthorization(policy => policy.RequireRole(Roles.Citizen))
            .RequireRateLimiting(OneStop.Web.Security.RateLimits.Submit);
        dossiers.MapPost("/", StartAsync).WithName("StartPayment")
            .WithSummary("Bắt đầu thanh toán lệ phí (thủ tục mức độ 4 có thu phí): trả về địa chỉ chuyển người nộp sang cổng thanh toán.");
        dossiers.MapGet("/", ListAsync).WithName("ListPayments").WithSummary("Các lần thanh toán lệ phí của hồ sơ.");
        v1.MapPost("/payments/callback", CallbackAsync).AllowAnonymous().RequireRateLimiting(OneStop.Web.Security.RateLimits.PaymentCallback).DisableAntiforgery().WithTags("Payments").WithName("PaymentCallback")
            .WithSummary("Thông báo kết quả từ cổng thanh toán (tham số có chữ ký HMAC-SHA256, qua query hoặc form); gửi lại nhiều lần không thay đổi kết quả.");
    }

    internal static PaymentInfo Info(Payment p) => new(p.Id, p.DossierId, p.Amount, p.Status.ToString(), FeePayments.StatusText(p.Status), p.Provider,
        p.CreatedAt, p.CompletedAt, p.ProviderReference,
        p.ReceiptDocumentId is { } receipt ? $"/api/v1/dossiers/{p.DossierId}/documents/{receipt}" : null);

    private static async Task<Created<PaymentStarted>> StartAsync(Guid id, PayFee pay, CancellationToken cancellationToken)
    {
        var (payment, url) = await pay.ExecuteAsync(new PayFeeCommand(id), cancellationToken);
        return TypedResults.Created($"/api/v1/dossiers/{id}/payments",
            new PaymentStarted(payment.Id, payment.Amount, payment.Status.ToString(), url.ToString()));
    }

    private static async Task<Ok<IReadOnlyList<PaymentInfo>>> ListAsync(Guid id, FeePayments payments, OwnDossiers own,
        CancellationToken cancellationToken)
    {
        var dossier = await own.ReadAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PaymentInfo>>((await payments.ListAsync(dossier.Id, cancellationToken)).Select(Info).ToList());
    }

    private static async Task<Ok<PaymentInfo>> CallbackAsync(HttpRequest request, FeePayments payments, CancellationToken cancellationToken)
    {
        var (payment, _) = await payments.HandleCallbackAsync(await ParametersAsync(request, cancellationToken), cancellationToken);
        return TypedResults.Ok(Info(payment));
    }

    internal static async Task<Dictionary<string, string>> ParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(cancellationToken))
            {
                values[key] = value.ToString();
            }
        }

        if (values.Count > 20)
        {
            throw new DomainException("payment.callback_invalid", "Thông báo thanh toán không đúng định dạng.");
        }

        return values;
    }
}
