using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Testing;

namespace OneStop.IntegrationTests.NationalPortal;

/// <summary>Messages committed with a change survive the host that committed them: the next host on the database delivers them, once.</summary>
public sealed class NationalPortalRestartTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_message_committed_before_the_host_went_down_is_delivered_once_by_the_next_host()
    {
        // The first host commits the submission and goes down before any delivery (its background service is off).
        var first = _app.WithWebHostBuilder(_ => { });
        var dossier = await new DossierScenario(first.Services).SubmitDrivingLicenceAsync();
        Assert.Empty(first.Services.GetRequiredService<NationalPortalSimulator>().Received);
        await first.DisposeAsync();

        // The next host starts on the same database with its background service polling every second.
        await using var second = _app.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Workflows:BackgroundProcessing"] = "true", ["Workflows:PollSeconds"] = "1" })));
        var simulator = second.Services.GetRequiredService<NationalPortalSimulator>();
        for (var waited = 0; simulator.For(dossier.Code!).Count == 0 && waited < 900; waited++)
        {
            await Task.Delay(100);
        }

        var received = Assert.Single(simulator.For(dossier.Code!));
        Assert.Equal(PortalStatus.Received, received.Status);
        Assert.Equal(0, await PortalAppFactory.DeliverAsync(second.Services));
        await using var db = _app.Database.CreateContext();
        var message = await db.PortalOutbox.SingleAsync(m => m.DossierId == dossier.Id);
        Assert.Equal(received.MessageId, message.MessageId);
        Assert.NotNull(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(1, simulator.Deliveries);
    }
}
