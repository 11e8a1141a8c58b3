using Microsoft.EntityFrameworkCore;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using OneStop.Core.Common;
using OneStop.Core.Notifications;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Email;

/// <summary>
/// Delivers the e-mail outbox, each row locked with SKIP LOCKED so hosts never send the same mail at once; a failure backs off
/// and is retried, a malformed address, a permanent refusal by the mail server (5xx) or too many failures set it aside with its
/// reason. A mail is marked sent in the transaction that locked it. <see cref="PurgeSentAsync"/> deletes sent mails after
/// <see cref="EmailOptions.KeepSentDays"/> (the background service calls it hourly).
/// </summary>
public sealed partial class EmailOutboxDispatcher(OneStopDbContext db, IEmailSender sender, TimeProvider clock, IOptions<EmailOptions> options,
    ILogger<EmailOutboxDispatcher> logger, Observability.OneStopMetrics? metrics = null)
{
    /// <summary>
    /// The next pending mail, in the order of the pending rows' partial index (when it became available, then id), so the poll reads
    /// that index and stops at the first row. Ordered by id alone it walked the primary key through every sent mail (5 ms with 20,000
    /// of them, PERFORMANCE.md) or sorted the whole backlog with its bodies.
    /// </summary>
    public const string Poll =
        "SELECT * FROM email_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND available_at <= {0} ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED";

    /// <summary>Delivers up to <paramref name="max"/> pending mails; returns how many were sent.</summary>
    public async Task<int> DispatchAsync(int max, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        for (var i = 0; i < max && !cancellationToken.IsCancellationRequested; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rows = await db.EmailOutbox
                .FromSqlRaw(Poll, now)
                .AsTracking().ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return sent;
            }

            var mail = rows[0];
            using var activity = Observability.OneStopTelemetry.StartBackgroundActivity("onestop.email.send");
            using var dossier = Observability.DossierLogContext.Begin(mail.DossierCode);
            try
            {
                await sender.SendAsync(new EmailMessage(mail.To, mail.Subject, mail.HtmlBody) { Id = $"onestop-{mail.CreatedAt:yyyyMMddHHmmss}-{mail.Id:D10}" },
                    cancellationToken);
                mail.SentAt = clock.GetUtcNow();
                mail.Attempts++;
                sent++;
            }
            catch (Exception ex) when (ex.IsFailure(cancellationToken))
            {
                mail.Attempts++;
                mail.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                if (ex is ParseException or FormatException || IsPermanent(ex) || mail.Attempts >= options.Value.MaxAttempts)
                {
                    mail.FailedAt = clock.GetUtcNow();
                    metrics?.SetAside("email");
                }
                else
                {
                    mail.AvailableAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, mail.Attempts) * 5));
                }

                metrics?.DeliveryFailed("email");
                LogFailed(logger, mail.Id, mail.Attempts, ex);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return sent;
    }

    /// <summary>Deletes the mails sent more than <see cref="EmailOptions.KeepSentDays"/> ago; returns how many.</summary>
    public async Task<int> PurgeSentAsync(CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.KeepSentDays);
        return await db.EmailOutbox.Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    // The server refused the mail itself (unknown mailbox, rejected sender or content): sending it again cannot succeed.
    private static bool IsPermanent(Exception ex) => ex is SmtpCommandException { StatusCode: var code } && (int)code >= 500;

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MailId} failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, long mailId, int attempt, Exception exception);
}
