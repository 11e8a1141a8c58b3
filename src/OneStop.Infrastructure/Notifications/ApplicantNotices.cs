using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Core.Dossiers;
using OneStop.Core.Payments;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Email;

namespace OneStop.Infrastructure.Notifications;

/// <summary>
/// Tells a dossier's applicant: in the app when they have an account, and by e-mail (through the outbox, in the caller's
/// transaction) to their account's address, or for a walk-in to the address written on the dossier. Each notice carries a
/// marker so the same event never notifies twice. The caller saves. Every notice to an applicant goes through
/// <see cref="AddAsync"/>; the submission and payment notices are worded here, the others in their own classes of this folder.
/// </summary>
public sealed class ApplicantNotices(OneStopDbContext db, EmailOutbox outbox, IOptions<ProvinceOptions> province)
{
    public async Task AddAsync(Dossier dossier, ApplicantNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(notice);
        var account = dossier.ApplicantUserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (notice.InApp && account is not null)
        {
            AddInApp(account.Id, dossier.Code, notice, await SeenAsync(account.Id, notice.Marker, cancellationToken));
        }

        var to = account is not null ? account.Email ?? dossier.Applicant.Email : dossier.Applicant.Email;
        if (notice.ByEmail && EmailOutbox.IsDeliverable(to))
        {
            var procedure = await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
            var link = account is not null ? $"{BaseUrl}/ho-so/{dossier.Id}" : $"{BaseUrl}/tra-cuu?code={Uri.EscapeDataString(dossier.Code ?? string.Empty)}";
            var mail = ApplicantEmail.Compose(dossier, procedure, notice, link, forWalkIn: account is null);
            await outbox.EnqueueAsync("applicant:" + notice.Marker, to!, mail.Subject, mail.HtmlBody, dossier.Code, notice.Covers, cancellationToken);
        }
    }

    /// <summary>The applicant submitted their dossier from the portal.</summary>
    public Task SubmittedAsync(Dossier dossier, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return AddAsync(dossier, new ApplicantNotice($"Đã nộp hồ sơ {dossier.Code} thành công, đang chờ tiếp nhận.", $"submitted:{dossier.Id:N}", at),
            cancellationToken);
    }

    /// <summary>A fee payment attempt ended: received, failed or cancelled.</summary>
    public Task PaymentEndedAsync(Dossier dossier, Payment payment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(payment);
        var amount = Payments.FeePayments.Money(payment.Amount);
        var message = payment.Status switch
        {
            PaymentStatus.Succeeded => $"Hồ sơ {dossier.Code}: đã thanh toán lệ phí {amount}.",
            PaymentStatus.Failed => $"Hồ sơ {dossier.Code}: thanh toán lệ phí {amount} không thành công. Vui lòng thử lại.",
            _ => $"Hồ sơ {dossier.Code}: đã hủy thanh toán lệ phí {amount}.",
        };
        return AddAsync(dossier, new ApplicantNotice(message, $"payment:{payment.Id}", at)
        {
            Subject = $"Hồ sơ {dossier.Code}: đã thanh toán lệ phí",
            // A cancelled or failed attempt is news only to the person at the bank page; a payment received is worth a mail.
            ByEmail = payment.Status == PaymentStatus.Succeeded,
        }, cancellationToken);
    }

    /// <summary>The message without its idempotency marker, as shown to people.</summary>
    public static string Display(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var start = message.LastIndexOf(" [", StringComparison.Ordinal);
        return start > 0 && message.EndsWith(']') ? message[..start] : message;
    }

    private string BaseUrl => province.Value.PublicBaseUrl.TrimEnd('/');

    private async Task<bool> SeenAsync(Guid userId, string marker, CancellationToken cancellationToken)
    {
        var suffix = $"[{marker}]";
        return db.Notifications.Local.Any(n => n.UserId == userId && n.Message.EndsWith(suffix, StringComparison.Ordinal))
            || await db.Notifications.AnyAsync(n => n.UserId == userId && n.Message.EndsWith(suffix), cancellationToken);
    }

    private void AddInApp(Guid userId, string? dossierCode, ApplicantNotice notice, bool seen)
    {
        if (!seen)
        {
            db.Notifications.Add(new Notification { UserId = userId, DossierId = dossierCode, Message = $"{notice.Message} [{notice.Marker}]", CreatedAt = notice.At });
        }
    }
}
