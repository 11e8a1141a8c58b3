using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using OneStop.Core.Notifications;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Email;

/// <summary>
/// Delivers the e-mail outbox, each row locked with SKIP LOCKED so hosts never send the same mail at once; a failure backs off
/// and is retried, a malformed address is set aside with its reason. A mail is marked sent in the transaction that locked it.
/// </summary>
public sealed partial class EmailOutboxDispatcher(OneStopDbContext db, IEmailSender sender, TimeProvider clock, ILogger<EmailOutboxDispatcher> logger)
{
    /// <summary>Delivers up to <paramref name="max"/> pending mails; returns how many were sent.</summary>
    public async Task<int> DispatchAsync(int max, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        for (var i = 0; i < max && !cancellationToken.IsCancellationRequested; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rows = await db.EmailOutbox
                .FromSql($"SELECT * FROM email_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND available_at <= {now} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .AsTracking().ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return sent;
            }

            var mail = rows[0];
            try
            {
                await sender.SendAsync(new EmailMessage(mail.To, mail.Subject, mail.HtmlBody) { Id = $"onestop-{mail.CreatedAt:yyyyMMddHHmmss}-{mail.Id:D10}" },
                    cancellationToken);
                mail.SentAt = clock.GetUtcNow();
                mail.Attempts++;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                mail.Attempts++;
                mail.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                if (ex is ParseException or FormatException)
                {
                    mail.FailedAt = clock.GetUtcNow();
                }
                else
                {
                    mail.AvailableAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, mail.Attempts) * 5));
                }

                LogFailed(logger, mail.Id, mail.Attempts, ex);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MailId} failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, long mailId, int attempt, Exception exception);
}
