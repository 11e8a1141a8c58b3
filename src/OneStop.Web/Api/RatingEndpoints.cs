using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Application.Dossiers;

namespace OneStop.Web.Api;

/// <summary>/api/v1/dossiers/{id}/rating: the applicant's satisfaction (1–5 and a comment), once, after completion.</summary>
internal static class RatingEndpoints
{
    public sealed record RatingRequest(int Score, string? Comment);

    public sealed record RatingInfo(Guid DossierId, int Score, string? Comment, DateTimeOffset CreatedAt);

    public static void MapRatingEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/dossiers/{id:guid}/rating").WithTags("Dossiers").RequireAuthorization(policy => policy.RequireRole(Roles.Citizen));
        group.MapPost("/", RateAsync).WithName("RateDossier")
            .WithSummary("Đánh giá mức độ hài lòng (score 1–5, comment) sau khi hồ sơ giải quyết xong; mỗi hồ sơ một lần.");
        group.MapGet("/", GetAsync).WithName("GetDossierRating").WithSummary("Đánh giá đã gửi (404 khi chưa đánh giá).");
    }

    private static RatingInfo Info(DossierRating r) => new(r.DossierId, r.Score, r.Comment, r.CreatedAt);

    private static async Task<Created<RatingInfo>> RateAsync(Guid id, RatingRequest request, RateDossier rate, CancellationToken cancellationToken)
    {
        var rating = await rate.ExecuteAsync(new RateDossierCommand(id, request.Score, request.Comment), cancellationToken);
        return TypedResults.Created($"/api/v1/dossiers/{id}/rating", Info(rating));
    }

    private static async Task<Results<Ok<RatingInfo>, ProblemHttpResult>> GetAsync(Guid id, DossierViews views, CancellationToken cancellationToken) =>
        await views.RatingAsync(id, cancellationToken) is { } rating
            ? TypedResults.Ok(Info(rating))
            : TypedResults.Problem("Hồ sơ chưa được đánh giá.", statusCode: 404, title: "Không tìm thấy", type: "https://onestop.vn/errors/rating.none");
}
