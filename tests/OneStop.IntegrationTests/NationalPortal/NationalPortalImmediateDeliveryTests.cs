using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Testing;

namespace OneStop.IntegrationTests.NationalPortal;

/// <summary>On a host that runs the background service, a committed change reaches the portal at once, not at the next poll.</summary>
public sealed class NationalPortalImmediateDeliveryTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_committed_status_change_is_delivered_without_waiting_for_the_poll()
    {
        // The poll runs once at start, then not for ten minutes: only the commit's signal can deliver within the test.
        await using var host = _app.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Workflows:BackgroundProcessing"] = "true", ["Workflows:PollSeconds"] = "600" })));
        var simulator = host.Services.GetRequiredService<NationalPortalSimulator>();
        await Task.Delay(1000);

        var dossier = await new DossierScenario(host.Services).SubmitDrivingLicenceAsync();
        for (var waited = 0; simulator.For(dossier.Code!).Count == 0 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Equal([PortalStatus.Received], simulator.For(dossier.Code!).Select(m => m.Status));
    }
}
