using OneStop.Core.Common;

namespace OneStop.Core.Dossiers;

/// <summary>The applicant's satisfaction with a completed dossier (1–5 and a comment), given once.</summary>
public sealed class DossierRating
{
    private DossierRating()
    {
    }

    public DossierRating(Guid dossierId, Guid userId, int score, string? comment, DateTimeOffset at)
    {
        if (score is < 1 or > 5)
        {
            throw new DomainException("rating.score", "Mức độ hài lòng phải từ 1 đến 5.");
        }

        var text = Text.CleanOrNull(comment);
        if (text is { Length: > 1000 })
        {
            throw new DomainException("rating.comment_too_long", "Nhận xét tối đa 1.000 ký tự.");
        }

        Id = Guid.NewGuid();
        DossierId = dossierId;
        UserId = userId;
        Score = score;
        Comment = text;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public Guid UserId { get; private set; }

    public int Score { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
