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
/// <see cref="AddAsync"/> (or its two halves, <see cref="PrepareAsync"/> and <see cref="Add"/>); the submission and payment notices are worded here, the others in their own classes of this folder.
/// </summary>
public sealed class ApplicantNotices(OneStopDbContext db, EmailOutbox outbox, IOptions<ProvinceOptions> province)
{
    public async Task AddAsync(Dossier dossier, ApplicantNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Add(dossier, notice, await PrepareAsync(dossier, notice.Marker, notice.InApp, notice.ByEmail, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Everything telling the applicant of an event needs from the database (their account and address, whether they were told of
    /// it already, the procedure's name), read before the news itself is worded: the submission reads it before it takes the
    /// dossier's code, so the agency's counter is not held while it is read. A caller that has the procedure's name already passes
    /// it as <paramref name="procedureName"/>.
    /// </summary>
    public async Task<NoticeRecipient> PrepareAsync(Dossier dossier, string marker, bool inApp = true, bool byEmail = true,
        string? procedureName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentException.ThrowIfNullOrWhiteSpace(marker);
        var account = dossier.ApplicantUserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var toldInApp = inApp && account is not null && await db.ToldAsync(account.Id, marker, cancellationToken);
        var to = account is not null ? account.Email ?? dossier.Applicant.Email : dossier.Applicant.Email;
        var mail = byEmail && EmailOutbox.IsDeliverable(to) && !await outbox.IsQueuedAsync(MailKey(marker), cancellationToken);
        if (mail && procedureName is null)
        {
            procedureName = await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        }

        return new NoticeRecipient(marker, account?.Id, toldInApp, mail ? to : null, mail ? procedureName : null);
    }

    /// <summary>Adds the notice for a recipient <see cref="PrepareAsync"/> read for the same marker; the caller saves.</summary>
    public void Add(Dossier dossier, ApplicantNotice notice, NoticeRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(recipient);
        if (recipient.Marker != notice.Marker)
        {
            throw new ArgumentException($"The recipient was read for '{recipient.Marker}', not for '{notice.Marker}'.", nameof(recipient));
        }

        if (notice.InApp && recipient.AccountId is { } accountId && !recipient.ToldInApp)
        {
            db.Notifications.Add(Notification.Of(accountId, dossier.Code, notice.Message, notice.Marker, notice.At));
        }

        if (notice.ByEmail && recipient.MailTo is { } to)
        {
            var link = recipient.AccountId is not null ? $"{BaseUrl}/ho-so/{dossier.Id}" : $"{BaseUrl}/tra-cuu?code={Uri.EscapeDataString(dossier.Code ?? string.Empty)}";
            var mail = ApplicantEmail.Compose(dossier, recipient.ProcedureName, notice, link, forWalkIn: recipient.AccountId is null);
            outbox.Add(MailKey(notice.Marker), to, mail.Subject, mail.HtmlBody, dossier.Code, notice.Covers);
        }
    }

    /// <summary>The applicant submitted their dossier from the portal (worded once the dossier has its code).</summary>
    public static ApplicantNotice Submitted(Dossier dossier, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return new ApplicantNotice($"Đã nộp hồ sơ {dossier.Code} thành công, đang chờ tiếp nhận.", SubmittedMarker(dossier), at);
    }

    /// <summary>The marker of the submission's notice: known before the dossier has its code.</summary>
    public static string SubmittedMarker(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return $"submitted:{dossier.Id:N}";
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

    private static string MailKey(string marker) => "applicant:" + marker;
}

/// <summary>Who a notice goes to and what was told them already, as <see cref="ApplicantNotices.PrepareAsync"/> read it.</summary>
/// <param name="MailTo">The address to mail, or null when no mail goes (none deliverable, or this one was queued already).</param>
public sealed record NoticeRecipient(string Marker, Guid? AccountId, bool ToldInApp, string? MailTo, string? ProcedureName);
