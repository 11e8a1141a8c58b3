namespace OneStop.Infrastructure.Audit;

/// <summary>Writes explicit audit lines, in the caller's transaction.</summary>
public interface IAuditLog
{
    /// <summary>Records an action; before and after are serialised to JSON (null for none).</summary>
    Task WriteAsync(string action, string entityType, string? entityId, object? before, object? after, string? dossierId = null,
        CancellationToken cancellationToken = default);

    /// <summary>Records an action by a given actor (a workflow actor id rather than the request's user).</summary>
    Task WriteAsync(AuditActorInfo actor, string action, string entityType, string? entityId, object? before, object? after, string? dossierId,
        CancellationToken cancellationToken = default);
}
