using System.Diagnostics;

namespace OneStop.Infrastructure.Observability;

/// <summary>The names OneStop's own traces and metrics are published under (what an OpenTelemetry collector subscribes to).</summary>
public static class OneStopTelemetry
{
    /// <summary>The meter of OneStop's business metrics (every instrument's name starts with "onestop.").</summary>
    public const string MeterName = "OneStop";

    /// <summary>The activity source of OneStop's own spans (background work: timers, outbox deliveries, e-mails).</summary>
    public const string ActivitySourceName = "OneStop";

    /// <summary>The span attribute that carries a dossier's public code.</summary>
    public const string DossierCodeTag = "onestop.dossier.code";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>
    /// Starts a span for a unit of background work; without a listener (no tracing configured) an activity is still started so
    /// that its log lines carry a trace id of their own.
    /// </summary>
    public static Activity StartBackgroundActivity(string name) =>
        Source.StartActivity(name, ActivityKind.Internal) ?? new Activity(name).Start();
}
