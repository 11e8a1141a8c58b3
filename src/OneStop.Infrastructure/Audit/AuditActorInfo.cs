namespace OneStop.Infrastructure.Audit;

/// <summary>Who is acting: a signed-in person with their address, or the system.</summary>
public sealed record AuditActorInfo(Guid? UserId, string? UserName, string? IpAddress, bool IsAdministrator)
{
    /// <summary>The CLI, seeding and background processing.</summary>
    public static AuditActorInfo System { get; } = new(null, "system", null, false);
}
