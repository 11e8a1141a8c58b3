namespace OneStop.Infrastructure.Email;

/// <summary>An e-mail written in the same transaction as the change it reports, delivered afterwards by <see cref="EmailOutboxDispatcher"/>.</summary>
public sealed class OutgoingEmail
{
    public long Id { get; init; }

    /// <summary>What the mail reports (e.g. a status change of a dossier); the same key is enqueued once.</summary>
    public required string Key { get; init; }

    public string? DossierCode { get; init; }
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string HtmlBody { get; init; }

    /// <summary>Workflow outbox entries whose news this mail already carries, so their handlers send no mail of their own.</summary>
    public long[] Covers { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset AvailableAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the mail can never be delivered (e.g. the address is malformed); it is kept with the reason.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
