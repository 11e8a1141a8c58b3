using Microsoft.Extensions.Hosting;

namespace OneStop.Infrastructure.Observability;

/// <summary>Creates the database-backed gauges when the host starts (they register themselves with the meter when created).</summary>
internal sealed class OperationsGaugesActivator(OperationsGauges gauges) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(gauges);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
