using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>Satisfaction ratings: only the applicant, only once, only after the dossier was completed.</summary>
public sealed class DossierRatings(OneStopDbContext db, TimeProvider clock)
{
    public async Task<DossierRating> RateAsync(Guid userId, Guid dossierId, int score, string? comment, CancellationToken cancellationToken = default)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId && d.ApplicantUserId == userId, cancellationToken)
            ?? throw new NotFoundException("Không tìm thấy hồ sơ.");
        if (dossier.Status != DossierStatus.Completed)
        {
            throw new ConflictException("rating.not_completed", "Chỉ đánh giá được sau khi hồ sơ đã giải quyết xong.");
        }

        if (await db.DossierRatings.AnyAsync(r => r.DossierId == dossierId, cancellationToken))
        {
            throw Already(dossier);
        }

        var rating = new DossierRating(dossierId, userId, score, comment, clock.GetUtcNow());
        db.DossierRatings.Add(rating);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw Already(dossier);
        }

        return rating;
    }

    public async Task<DossierRating?> FindAsync(Guid userId, Guid dossierId, CancellationToken cancellationToken = default) =>
        await db.Dossiers.AnyAsync(d => d.Id == dossierId && d.ApplicantUserId == userId, cancellationToken)
            ? await db.DossierRatings.AsNoTracking().SingleOrDefaultAsync(r => r.DossierId == dossierId, cancellationToken)
            : throw new NotFoundException("Không tìm thấy hồ sơ.");

    private static ConflictException Already(Dossier dossier) =>
        new("rating.already", $"Bạn đã đánh giá hồ sơ {dossier.Code}; mỗi hồ sơ chỉ đánh giá một lần.");
}
