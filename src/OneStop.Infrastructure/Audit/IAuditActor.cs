namespace OneStop.Infrastructure.Audit;

/// <summary>Tells the audit log who is acting in the current scope.</summary>
public interface IAuditActor
{
    AuditActorInfo Current { get; }
}
