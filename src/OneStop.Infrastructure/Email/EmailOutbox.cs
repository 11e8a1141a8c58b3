using Microsoft.EntityFrameworkCore;
using MimeKit;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Email;

/// <summary>Puts e-mails into the outbox inside the caller's unit of work (the caller saves), once per key.</summary>
public sealed class EmailOutbox(OneStopDbContext db, TimeProvider clock)
{
    /// <summary>The longest key stored; a longer one is cut before it is looked up and stored, so both see the same key.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The longest subject stored; a longer one (a workflow's long message) is cut with an ellipsis rather than fail the save.</summary>
    public const int MaxSubjectLength = 500;

    /// <summary>Adds the mail unless one with the same key is already pending or sent; returns whether it was added.</summary>
    public async Task<bool> EnqueueAsync(string key, string to, string subject, string htmlBody, string? dossierCode, IReadOnlyCollection<long>? covers,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        key = key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
        if (!IsDeliverable(to)
            || db.EmailOutbox.Local.Any(m => m.Key == key)
            || await db.EmailOutbox.AnyAsync(m => m.Key == key, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.EmailOutbox.Add(new OutgoingEmail
        {
            Key = key,
            To = to.Trim(),
            Subject = subject.Length > MaxSubjectLength ? subject[..(MaxSubjectLength - 1)] + "…" : subject,
            HtmlBody = htmlBody,
            DossierCode = dossierCode,
            Covers = covers?.Distinct().ToArray() ?? [],
            CreatedAt = now,
            AvailableAt = now,
        });
        return true;
    }

    /// <summary>Whether a mail already reports the news of this workflow outbox entry (so its handler adds none).</summary>
    public async Task<bool> CoversAsync(string? dossierCode, long workflowOutboxId, CancellationToken cancellationToken) =>
        db.EmailOutbox.Local.Any(m => m.DossierCode == dossierCode && m.Covers.Contains(workflowOutboxId))
        || await db.EmailOutbox.AnyAsync(m => m.DossierCode == dossierCode && m.Covers.Contains(workflowOutboxId), cancellationToken);

    /// <summary>Whether a save failed only because another transaction queued the same mail at the same moment (the caller reads again).</summary>
    public static bool IsDuplicate(DbUpdateException exception) =>
        exception?.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_email_outbox_key" };

    /// <summary>A single plain address (no display name, no list) that MimeKit accepts.</summary>
    public static bool IsDeliverable(string? address) =>
        !string.IsNullOrWhiteSpace(address) && address.Length <= 320 && !address.Contains(',', StringComparison.Ordinal)
        && MailboxAddress.TryParse(address.Trim(), out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal);
}
