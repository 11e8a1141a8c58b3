namespace OneStop.Infrastructure.Notifications;

/// <summary>An in-app notification shown to one user.</summary>
public sealed class Notification
{
    public const int MaxMarkerLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid UserId { get; init; }
    public string? DossierId { get; init; }
    public required string Message { get; init; }

    /// <summary>
    /// The event this notification tells of (also at the end of <see cref="Message"/> in brackets, as before): the same event never
    /// notifies the same user twice, and the check is one index lookup however many notifications the user has.
    /// </summary>
    public string? Marker { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>A notification of the event <paramref name="marker"/>: the marker in its column and at the end of the message, alike.</summary>
    public static Notification Of(Guid userId, string? dossierCode, string message, string marker, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marker);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(marker.Length, MaxMarkerLength, nameof(marker));
        return new Notification { UserId = userId, DossierId = dossierCode, Message = $"{message} [{marker}]", Marker = marker, CreatedAt = at };
    }
}
