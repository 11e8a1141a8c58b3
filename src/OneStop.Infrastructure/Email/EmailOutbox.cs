using Microsoft.EntityFrameworkCore;
using MimeKit;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Email;

/// <summary>Puts e-mails into the outbox inside the caller's unit of work (the caller saves), once per key.</summary>
public sealed class EmailOutbox(OneStopDbContext db, TimeProvider clock)
{
    // Asked before every mail a transition queues: compiled (CompiledQueries says why).
    private static readonly CompiledQuery<string, bool> Saved = new((db, key, _) => db.EmailOutbox.Any(m => m.Key == key));

    /// <summary>The longest key stored; a longer one is cut before it is looked up and stored, so both see the same key.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The longest subject stored; a longer one (a workflow's long message) is cut with an ellipsis rather than fail the save.</summary>
    public const int MaxSubjectLength = 500;

    /// <summary>Adds the mail unless one with the same key is already pending or sent; returns whether it was added.</summary>
    public async Task<bool> EnqueueAsync(string key, string to, string subject, string htmlBody, string? dossierCode, IReadOnlyCollection<long>? covers,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!IsDeliverable(to) || await IsQueuedAsync(key, cancellationToken))
        {
            return false;
        }

        Add(key, to, subject, htmlBody, dossierCode, covers);
        return true;
    }

    /// <summary>Whether a mail with this key was queued already (by this context or committed).</summary>
    public async Task<bool> IsQueuedAsync(string key, CancellationToken cancellationToken)
    {
        key = Key(key);
        return db.EmailOutbox.Local.Any(m => m.Key == key) || await Saved.RunAsync(db, key, cancellationToken);
    }

    /// <summary>Queues a mail whose key the caller found not queued (<see cref="IsQueuedAsync"/>) to a deliverable address; the caller saves.</summary>
    public void Add(string key, string to, string subject, string htmlBody, string? dossierCode, IReadOnlyCollection<long>? covers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(subject);
        var now = clock.GetUtcNow();
        db.EmailOutbox.Add(new OutgoingEmail
        {
            Key = Key(key),
            To = to.Trim(),
            Subject = subject.Length > MaxSubjectLength ? subject[..(MaxSubjectLength - 1)] + "…" : subject,
            HtmlBody = htmlBody,
            DossierCode = dossierCode,
            Covers = covers?.Distinct().ToArray() ?? [],
            CreatedAt = now,
            AvailableAt = now,
        });
    }

    private static string Key(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
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
