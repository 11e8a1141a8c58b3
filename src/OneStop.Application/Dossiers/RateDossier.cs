using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.Dossiers;

public sealed record RateDossierCommand(Guid DossierId, int Score, string? Comment);

/// <summary>Satisfaction ratings: only the applicant, only once, only after the dossier was completed.</summary>
public sealed class RateDossier(OneStopDbContext db, OwnDossiers own, ICurrentUser user, TimeProvider clock, IUnitOfWork unitOfWork)
    : UseCase<RateDossierCommand, DossierRating>(unitOfWork)
{
    public override async Task<DossierRating> ExecuteAsync(RateDossierCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await base.ExecuteAsync(command, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Rated at the same moment from another request.
            throw Already((await own.ReadAsync(command.DossierId, cancellationToken)).Code);
        }
    }

    protected override async Task<DossierRating> RunAsync(RateDossierCommand command, CancellationToken cancellationToken)
    {
        var dossier = await own.ReadAsync(command.DossierId, cancellationToken);
        if (dossier.Status != DossierStatus.Completed)
        {
            throw new ConflictException("rating.not_completed", "Chỉ đánh giá được sau khi hồ sơ đã giải quyết xong.");
        }

        if (await db.DossierRatings.AnyAsync(r => r.DossierId == dossier.Id, cancellationToken))
        {
            throw Already(dossier.Code);
        }

        var rating = new DossierRating(dossier.Id, user.RequireId(), command.Score, command.Comment, clock.GetUtcNow());
        db.DossierRatings.Add(rating);
        await db.SaveChangesAsync(cancellationToken);
        return rating;
    }

    private static ConflictException Already(string? code) =>
        new("rating.already", $"Bạn đã đánh giá hồ sơ {code}; mỗi hồ sơ chỉ đánh giá một lần.");
}
