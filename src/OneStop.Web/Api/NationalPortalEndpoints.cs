using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OneStop.Application.NationalPortal;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Web.Security;

namespace OneStop.Web.Api;

/// <summary>
/// The national portal's side of the synchronisation: the inbound port (a dossier submitted there arrives signed and becomes a dossier
/// here) and, in development and tests, the simulator that stands in for the portal's receiving side. Both are anonymous, verified by
/// their HMAC signature (<see cref="PortalSignature"/>) and rate limited; both answer 404 while switched off.
/// </summary>
internal static class NationalPortalEndpoints
{
    /// <summary>The largest body accepted (a dossier's form data; its files stay on the portal).</summary>
    private const int MaxBodyChars = 256 * 1024;

    public sealed record PortalApplicant(string? FullName, string? IdNumber, string? Phone, string? Email, string? Address);

    public sealed record PortalDossierRequest(string? NationalId, string? ProcedureCode, string? AgencyCode, PortalApplicant? Applicant, JsonElement? FormData);

    public sealed record PortalDossierReceived(string NationalId, Guid Id, string Code, string Status, DateTimeOffset? SubmittedAt);

    public sealed record SimulatorAnswer(Guid MessageId, bool Duplicate);

    public static void MapNationalPortalEndpoints(this RouteGroupBuilder v1)
    {
        var portal = v1.MapGroup("/national-portal").WithTags("NationalPortal").AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(RateLimits.NationalPortal);
        portal.MapPost("/dossiers", ReceiveAsync).WithName("ReceiveNationalPortalDossier").Accepts<PortalDossierRequest>("application/json")
            .WithSummary("Cổng DVC quốc gia gửi một hồ sơ nộp trên Cổng cho thủ tục của tỉnh (yêu cầu có chữ ký HMAC-SHA256); gửi lại cùng mã hồ sơ quốc gia trả về hồ sơ đã tạo.");
        portal.MapPost("/simulator/messages", SimulateAsync).WithName("NationalPortalSimulator")
            .WithSummary("Bộ giả lập Cổng DVC quốc gia (chỉ dùng khi phát triển, kiểm thử): kiểm tra chữ ký và ghi nhận thông điệp theo mã thông điệp.");
    }

    private static async Task<Results<Created<PortalDossierReceived>, Ok<PortalDossierReceived>, ProblemHttpResult>> ReceiveAsync(HttpRequest request,
        ReceivePortalDossier receive, IOptionsMonitor<NationalPortalOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            throw new NotFoundException("Chưa bật đồng bộ với Cổng Dịch vụ công quốc gia.");
        }

        var body = await SignedBodyAsync(request, settings.InboundKey, settings, clock);
        if (body is null)
        {
            return Unsigned();
        }

        var dossier = Read<PortalDossierRequest>(body, JsonOptions);
        if (dossier.FormData is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null) })
        {
            throw new DossierValidationException(new Dictionary<string, string[]> { ["formData"] = ["Dữ liệu tờ khai phải là một đối tượng JSON."] });
        }

        var applicant = dossier.Applicant is { } a ? new Applicant(a.FullName ?? string.Empty, a.IdNumber, a.Phone, a.Email, a.Address) : null;
        var result = await receive.ExecuteAsync(new ReceivePortalDossierCommand(dossier.NationalId, dossier.ProcedureCode, dossier.AgencyCode, applicant,
            dossier.FormData is { ValueKind: JsonValueKind.Object } form ? form.GetRawText() : "{}"), cancellationToken);
        var received = new PortalDossierReceived(dossier.NationalId!.Trim(), result.Dossier.Id, result.Dossier.Code!, result.Dossier.Status.ToString(),
            result.Dossier.SubmittedAt);
        return result.Created ? TypedResults.Created((string?)null, received) : TypedResults.Ok(received);
    }

    private static async Task<Results<Ok<SimulatorAnswer>, ProblemHttpResult>> SimulateAsync(HttpRequest request, NationalPortalSimulator simulator,
        IOptionsMonitor<NationalPortalOptions> options, TimeProvider clock)
    {
        var settings = options.CurrentValue;
        if (!settings.Simulator.Enabled)
        {
            throw new NotFoundException("Bộ giả lập Cổng Dịch vụ công quốc gia không được bật.");
        }

        var body = await SignedBodyAsync(request, settings.Key, settings, clock);
        if (body is null)
        {
            return Unsigned();
        }

        var message = Read<PortalMessageBody>(body, PortalMessageBody.Json);
        if (simulator.RefuseWith is { } reason)
        {
            return TypedResults.Problem(reason, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cổng DVC quốc gia (giả lập) từ chối thông điệp",
                type: "https://onestop.vn/errors/portal.refused");
        }

        return TypedResults.Ok(new SimulatorAnswer(message.MessageId, Duplicate: !simulator.Receive(message)));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The body when its signature and timestamp are right (checked before anything is parsed); null otherwise.</summary>
    private static async Task<string?> SignedBodyAsync(HttpRequest request, string key, NationalPortalOptions settings, TimeProvider clock)
    {
        if (request.ContentLength > MaxBodyChars * 4L)
        {
            throw new BadHttpRequestException("Body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyChars + 1];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await reader.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted)) > 0)
        {
            read += chunk;
        }

        if (read > MaxBodyChars)
        {
            throw new BadHttpRequestException("Body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        var body = new string(buffer, 0, read);
        return PortalSignature.Verify(key, request.Headers[PortalSignature.TimestampHeader], request.Headers[PortalSignature.SignatureHeader], body,
            clock.GetUtcNow(), TimeSpan.FromSeconds(settings.AllowedClockSkewSeconds))
            ? body
            : null;
    }

    private static T Read<T>(string body, JsonSerializerOptions json) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, json) ?? throw new BadHttpRequestException("Empty body.");
        }
        catch (JsonException)
        {
            throw new BadHttpRequestException("Malformed JSON.");
        }
    }

    private static ProblemHttpResult Unsigned() => TypedResults.Problem(
        "Yêu cầu thiếu chữ ký, chữ ký không đúng hoặc đã quá hạn (X-OneStop-Timestamp, X-OneStop-Signature).",
        statusCode: StatusCodes.Status401Unauthorized, title: "Chữ ký không hợp lệ", type: "https://onestop.vn/errors/portal.signature",
        extensions: new Dictionary<string, object?> { ["code"] = "portal.signature" });
}
