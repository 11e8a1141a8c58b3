namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// One status change of a dossier for the national portal, written in the same transaction as the change (the outbox) and delivered
/// afterwards by <see cref="NationalPortalDispatcher"/>. The facts are those at the change; the receiver drops a repeated <see cref="MessageId"/>.
/// </summary>
public sealed class PortalMessage
{
    public long Id { get; init; }

    /// <summary>Stable across retries: the receiver's idempotency key.</summary>
    public required Guid MessageId { get; init; }

    public required Guid DossierId { get; init; }

    public required string DossierCode { get; init; }

    /// <summary>1, 2, 3 … per dossier, in the order the changes happened; a message waits until the dossier's earlier ones are delivered.</summary>
    public required int Sequence { get; init; }

    public required PortalStatus Status { get; init; }

    /// <summary>The procedure's code in the national procedure database (e.g. 1.009994).</summary>
    public required string ProcedureCode { get; init; }

    /// <summary>The receiving agency's electronic identifier (mã định danh, e.g. 000.00.15.H39).</summary>
    public required string AgencyIdentifier { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? NewDueAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the change happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset AvailableAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the message was given up on (<see cref="NationalPortalOptions.MaxAttempts"/> failures); kept with <see cref="LastError"/>.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
