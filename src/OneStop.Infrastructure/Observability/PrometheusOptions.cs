namespace OneStop.Infrastructure.Observability;

/// <summary>
/// The Prometheus scrape endpoint (section "Metrics:Prometheus"): its own listener on its own port, never the app's public port,
/// so a reverse proxy in front of the app cannot expose it.
/// </summary>
public sealed class PrometheusOptions
{
    /// <summary>The port of the scrape listener; 0 (the default) leaves the endpoint off.</summary>
    public int Port { get; set; }

    /// <summary>The interface it listens on: the loopback by default; "*" in a container, with the port left unpublished.</summary>
    public string Host { get; set; } = "127.0.0.1";
}
