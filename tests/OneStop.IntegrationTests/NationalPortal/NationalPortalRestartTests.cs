using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

    [Fact]
    public async Task The_background_poll_waits_for_the_host_to_have_started()
    {
        // Hosted services start before the server, beside each other: a poll at once met a server that did not answer yet (and an
        // unmigrated database on a first start). A hosted service started after the background service holds the start for two
        // poll intervals; the committed message must still be untouched when it lets the start go on.
        var first = _app.WithWebHostBuilder(_ => { });
        var dossier = await new DossierScenario(first.Services).SubmitDrivingLicenceAsync();
        await first.DisposeAsync();

        var holder = new StartHolder(_app.Database);
        await using var second = _app.WithWebHostBuilder(builder =>
        {
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
                new Dictionary<string, string?> { ["Workflows:BackgroundProcessing"] = "true", ["Workflows:PollSeconds"] = "1" }));
            builder.ConfigureTestServices(services => services.AddSingleton<IHostedService>(holder));
        });
        var simulator = second.Services.GetRequiredService<NationalPortalSimulator>();
        Assert.Equal((0, null), holder.SeenWhileStarting);

        for (var waited = 0; simulator.For(dossier.Code!).Count == 0 && waited < 300; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Single(simulator.For(dossier.Code!));
    }

    private sealed class StartHolder(TestDatabase database) : IHostedService
    {
        public (int Attempts, string? LastError)? SeenWhileStarting { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(2500, cancellationToken);
            await using var db = database.CreateContext();
            var message = await db.PortalOutbox.SingleAsync(cancellationToken);
            SeenWhileStarting = (message.Attempts, message.LastError);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
