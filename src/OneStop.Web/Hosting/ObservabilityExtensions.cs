using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStop.Infrastructure.Observability;
using OneStop.Web.Hosting.Health;
using OneStop.Web.Hosting.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Events;

namespace OneStop.Web.Hosting;

/// <summary>Structured logs without personal data, OpenTelemetry traces and metrics, the Prometheus listener and the health endpoints.</summary>
internal static class ObservabilityExtensions
{
    /// <summary>The tag of the checks /health/ready runs (liveness runs none: the process answers, that is all it says).</summary>
    private const string Ready = "ready";

    private static readonly string[] HealthPaths = ["/health", "/health/live", "/health/ready"];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue("Logs:Json", false);
        builder.Services.AddSerilog((services, logger) => logger
            // Defaults first, so that Serilog:MinimumLevel in the configuration can change them.
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<DossierCodeEnricher>()
            .WriteTo.Console(LogFormats.Create(json)),
            // Each host logs through its own logger, never the static Log.Logger: the last host built (or disposed) in a process
            // would otherwise take (or silence) the log lines of every other — as the test hosts, run side by side, do.
            preserveStaticLogger: true);

        builder.AddOneStopOpenTelemetry("onestop-web",
            tracing: t => t.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsHealth(context.Request.Path)),
            metrics: m => m.AddAspNetCoreInstrumentation());
        builder.Services.AddHostedService<PrometheusEndpoint>();

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [Ready])
            .AddCheck<FileStoreWritableCheck>("files", tags: [Ready])
            .AddCheck<BackgroundProcessingCheck>("background", tags: [Ready]);
        return builder;
    }

    /// <summary>Opens the dossier log context of each request (first in the pipeline, so every later log line can carry it).</summary>
    public static WebApplication UseObservability(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            using (DossierLogContext.Begin())
            {
                await next(context);
            }
        });
        return app;
    }

    /// <summary>
    /// /health/live (the process answers; no check), /health/ready (database reachable and migrated, file store writable, background
    /// processing alive) and /health (the same as ready, kept for existing probes). 503 when unhealthy.
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", Options(_ => false)).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", Options(c => c.Tags.Contains(Ready))).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health", Options(c => c.Tags.Contains(Ready))).AllowAnonymous().DisableHttpMetrics();
    }

    private static bool IsHealth(PathString path) => HealthPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            });
        },
    };
}
