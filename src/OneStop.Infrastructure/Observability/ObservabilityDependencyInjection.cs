using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OneStop.Infrastructure.Observability;

/// <summary>Business metrics, the dossier log context and OpenTelemetry (traces and metrics over OTLP when OTEL_* says where).</summary>
public static class ObservabilityDependencyInjection
{
    private static readonly string[] OtlpTraces = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"];
    private static readonly string[] OtlpMetrics = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    /// <summary>The instruments and the interceptors that feed them (AddInfrastructure calls this).</summary>
    internal static IServiceCollection AddOneStopMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.TryAddSingleton<OneStopMetrics>();
        services.TryAddSingleton<OperationsGauges>();
        services.TryAddSingleton<LegacyImportMonitor>();
        services.TryAddSingleton<BackgroundHeartbeat>();
        services.TryAddSingleton<AgencyCodes>();
        services.TryAddSingleton<DossierMetricsInterceptor>();
        services.TryAddSingleton<DossierMetricsTransactions>();
        return services;
    }

    /// <summary>True when the standard OTEL_EXPORTER_OTLP_* variables name a collector for traces.</summary>
    public static bool ExportsTraces(IConfiguration configuration) => OtlpTraces.Any(k => !string.IsNullOrWhiteSpace(configuration[k]));

    /// <summary>True when the standard OTEL_EXPORTER_OTLP_* variables name a collector for metrics.</summary>
    public static bool ExportsMetrics(IConfiguration configuration) => OtlpMetrics.Any(k => !string.IsNullOrWhiteSpace(configuration[k]));

    /// <summary>The meters every OneStop exporter reads: OneStop's own, HttpClient's, Npgsql's and the runtime's.</summary>
    public static MeterProviderBuilder AddOneStopInstruments(this MeterProviderBuilder metrics) =>
        metrics.AddMeter(OneStopTelemetry.MeterName).AddHttpClientInstrumentation().AddNpgsqlInstrumentation().AddRuntimeInstrumentation();

    /// <summary>
    /// OpenTelemetry for a OneStop process: HttpClient and Npgsql spans and metrics, the OneStop meter and activity source, the
    /// runtime's metrics, exported over OTLP as the standard OTEL_* variables say (endpoint, protocol, headers, service name,
    /// resource attributes, export interval) — nothing is set up when none names an endpoint. <paramref name="tracing"/> and
    /// <paramref name="metrics"/> let the host add its own instrumentation (ASP.NET Core).
    /// </summary>
    public static IHostApplicationBuilder AddOneStopOpenTelemetry(this IHostApplicationBuilder builder, string serviceName,
        Action<TracerProviderBuilder>? tracing = null, Action<MeterProviderBuilder>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var traces = ExportsTraces(builder.Configuration);
        var measured = ExportsMetrics(builder.Configuration);
        if (!traces && !measured)
        {
            return builder;
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? serviceName,
                serviceVersion: typeof(ObservabilityDependencyInjection).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName));
        if (traces)
        {
            otel.WithTracing(t =>
            {
                t.AddSource(OneStopTelemetry.ActivitySourceName).AddHttpClientInstrumentation().AddNpgsql();
                tracing?.Invoke(t);
                t.AddOtlpExporter();
            });
        }

        if (measured)
        {
            builder.Services.AddHostedService<OperationsGaugesActivator>();
            otel.WithMetrics(m =>
            {
                m.AddOneStopInstruments();
                metrics?.Invoke(m);
                m.AddOtlpExporter();
            });
        }

        return builder;
    }
}
