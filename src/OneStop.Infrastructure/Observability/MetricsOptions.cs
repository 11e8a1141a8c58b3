namespace OneStop.Infrastructure.Observability;

/// <summary>How metrics are published (section "Metrics").</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>How long the database-backed gauges keep one reading (one query batch per scrape at most).</summary>
    public int DatabaseGaugeSeconds { get; set; } = 10;

    /// <summary>The Prometheus scrape endpoint, off unless a port is set.</summary>
    public PrometheusOptions Prometheus { get; set; } = new();
}
