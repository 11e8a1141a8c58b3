using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace OneStop.Web.Hosting;

/// <summary>
/// The Prometheus scrape endpoint, off unless Metrics:Prometheus:Port is set: its own HTTP listener on its own port (loopback by
/// default), never a route of the app, so the reverse proxy that publishes the app cannot publish it. It reads the same meters as the
/// OTLP exporter (OneStop's, ASP.NET Core's, HttpClient's, Npgsql's, the runtime's), through a meter provider of its own.
/// </summary>
internal sealed partial class PrometheusEndpoint(IOptions<MetricsOptions> options, OperationsGauges gauges, ILogger<PrometheusEndpoint> logger)
    : IHostedService, IDisposable
{
    private MeterProvider? _provider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var prometheus = options.Value.Prometheus;
        if (prometheus.Port <= 0)
        {
            return Task.CompletedTask;
        }

        GC.KeepAlive(gauges); // the database-backed gauges exist once this singleton does
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddOneStopInstruments()
            .AddAspNetCoreInstrumentation()
            .AddPrometheusHttpListener(o =>
            {
                o.Host = prometheus.Host;
                o.Port = prometheus.Port;
            })
            .Build();
        LogListening(logger, prometheus.Host, prometheus.Port);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _provider = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Prometheus metrics are served on http://{Host}:{Port}/metrics (not through the app's port)")]
    private static partial void LogListening(ILogger logger, string host, int port);
}
