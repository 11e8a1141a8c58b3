namespace OneStop.Infrastructure.Audit;

/// <summary>One line of the append-only audit log: who did what to which entity, when, from where, with the values before and after.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = string.Empty;
        EntityType = string.Empty;
    }

    public AuditEntry(DateTimeOffset at, AuditActorInfo actor, string action, string entityType, string? entityId, string? dossierId,
        string? before, string? after)
    {
        At = at;
        UserId = actor.UserId;
        UserName = actor.UserName;
        Ip = actor.IpAddress;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        DossierId = dossierId;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    /// <summary>The e-mail of the person, or "system" for the CLI and background work.</summary>
    public string? UserName { get; private set; }

    /// <summary>A stable action name, e.g. Agency.Updated or dossier.approve.</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>The dossier's public code when the action concerns a dossier.</summary>
    public string? DossierId { get; private set; }

    /// <summary>JSON of the values before the change (changed properties only for an update).</summary>
    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string? Ip { get; private set; }
}
