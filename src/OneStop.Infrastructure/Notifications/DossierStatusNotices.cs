using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Notifications;

/// <summary>Tells the applicant, in the app, each time their dossier's status changes (written in the same transaction as the change).</summary>
public static class DossierStatusNotices
{
    public static Task AddAsync(OneStopDbContext db, Dossier dossier, DossierStatus before, int journalLength, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (dossier.Status == before || Message(dossier) is not { } message)
        {
            return Task.CompletedTask;
        }

        return ApplicantNotices.AddAsync(db, dossier, message, $"status:{dossier.Id:N}:{dossier.Status}:{journalLength}", at, cancellationToken);
    }

    public static string? Message(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var code = dossier.Code;
        return dossier.Status switch
        {
            DossierStatus.Submitted => $"Hồ sơ {code} đã được nộp, đang chờ tiếp nhận.",
            DossierStatus.InProgress => $"Hồ sơ {code} đã được tiếp nhận và đang được giải quyết.",
            DossierStatus.WaitingForSupplement => $"Hồ sơ {code} cần bổ sung, hoàn thiện. Vui lòng xem yêu cầu và nộp bổ sung.",
            DossierStatus.ResultReady => $"Hồ sơ {code} đã có kết quả.",
            DossierStatus.Completed => $"Hồ sơ {code} đã giải quyết xong. Mời bạn đánh giá mức độ hài lòng.",
            DossierStatus.Rejected => $"Hồ sơ {code} không được giải quyết (từ chối). Xem lý do trong văn bản đã phát hành.",
            DossierStatus.Withdrawn => $"Hồ sơ {code} đã được rút.",
            _ => null,
        };
    }
}
