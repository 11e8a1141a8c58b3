using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Application.Dossiers;

namespace OneStop.Web.Api;

/// <summary>/api/v1/dossiers/{id}/delivery: how the applicant receives the result — electronically (the PDF, verifiable by QR) or by post.</summary>
internal static class ResultDeliveryEndpoints
{
    public sealed record DeliveryRequest(string? Delivery, string? PostalAddress);

    public sealed record DeliveryInfo(Guid DossierId, string? Delivery, string? DeliveryText, string? PostalAddress);

    public static void MapResultDeliveryEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/dossiers/{id:guid}/delivery").WithTags("Dossiers").RequireAuthorization(policy => policy.RequireRole(Roles.Citizen));
        group.MapGet("/", GetAsync).WithName("GetResultDelivery").WithSummary("Cách nhận kết quả đã chọn.");
        group.MapPut("/", ChooseAsync).WithName("ChooseResultDelivery")
            .WithSummary("Chọn cách nhận kết quả: electronic (bản điện tử, xác thực bằng mã QR) hoặc post (bưu chính, kèm postalAddress).");
    }

    public static string Text(ResultDelivery delivery) => delivery switch
    {
        ResultDelivery.Post => "Nhận qua dịch vụ bưu chính",
        _ => "Nhận bản điện tử trên cổng (xác thực bằng mã QR)",
    };

    private static DeliveryInfo Info(Dossier d) =>
        new(d.Id, d.ResultDelivery?.ToString().ToLowerInvariant(), d.ResultDelivery is { } x ? Text(x) : null, d.PostalAddress);

    private static async Task<Ok<DeliveryInfo>> GetAsync(Guid id, OwnDossiers own, CancellationToken cancellationToken) =>
        TypedResults.Ok(Info(await own.ReadAsync(id, cancellationToken)));

    private static async Task<Ok<DeliveryInfo>> ChooseAsync(Guid id, DeliveryRequest request, ChooseResultDelivery choose,
        CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ResultDelivery>(request.Delivery, ignoreCase: true, out var delivery) || !Enum.IsDefined(delivery))
        {
            throw new DomainException("dossier.delivery_unknown", "Cách nhận kết quả: chọn 'electronic' (bản điện tử) hoặc 'post' (bưu chính).");
        }

        return TypedResults.Ok(Info(await choose.ExecuteAsync(new ChooseResultDeliveryCommand(id, delivery, request.PostalAddress), cancellationToken)));
    }
}
