namespace OneStop.Infrastructure.NationalPortal;

/// <summary>The outbound port: hands one message to the national portal, or throws (the dispatcher retries it later).</summary>
public interface INationalPortal
{
    Task SendAsync(PortalMessageBody message, CancellationToken cancellationToken);
}
