namespace OneStop.Infrastructure.Notifications;

/// <summary>An in-app notification shown to one user.</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid UserId { get; init; }
    public string? DossierId { get; init; }
    public required string Message { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
