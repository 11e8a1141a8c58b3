using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Infrastructure.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OneStop.IntegrationTests.Operations;

/// <summary>OpenTelemetry follows the standard OTEL_* variables: nothing without an endpoint, traces and metrics with one.</summary>
public sealed class TelemetrySetupTests
{
    [Fact]
    public void Without_an_otlp_endpoint_no_telemetry_is_set_up()
    {
        using var host = Build(new Dictionary<string, string?>());

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", true, true)]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", true, false)]
    [InlineData("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", false, true)]
    public void An_otlp_endpoint_turns_on_the_signals_it_names(string variable, bool traces, bool metrics)
    {
        using var host = Build(new Dictionary<string, string?> { [variable] = "http://127.0.0.1:4317" });

        Assert.Equal(traces, host.Services.GetService<TracerProvider>() is not null);
        Assert.Equal(metrics, host.Services.GetService<MeterProvider>() is not null);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddOneStopOpenTelemetry("onestop-test");
        return builder.Build();
    }
}
