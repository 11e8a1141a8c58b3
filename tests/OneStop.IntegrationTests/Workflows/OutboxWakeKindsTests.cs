using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Observability;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workflows;

/// <summary>
/// The wake-up at commit polls only the outboxes the committed transaction wrote to: a mail does not make the host poll the
/// workflow's effects or the national portal's messages, and what it did not write is not woken at all.
/// </summary>
public sealed class OutboxWakeKindsTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_signal_hands_each_kind_raised_to_one_take_and_leaves_the_kinds_not_asked_for()
    {
        var signal = new OutboxWakeSignal();
        signal.Raise(OutboxKinds.Email);
        signal.Raise(OutboxKinds.Email);
        signal.Raise(OutboxKinds.WorkflowEffects);
        Assert.Equal(OutboxKinds.Email, signal.Take(OutboxKinds.Email | OutboxKinds.NationalPortal));

        // One raise pending wakes once, with what is left; a take without a raise since finds nothing, and does not wait.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(OutboxKinds.WorkflowEffects, await signal.WaitAsync(timeout.Token));
        Assert.Equal(OutboxKinds.None, signal.Take());

        // Raised after a take got the kinds: the wake-up the raise left pending still comes, empty.
        signal.Raise(OutboxKinds.NationalPortal);
        Assert.Equal(OutboxKinds.NationalPortal, signal.Take());
        Assert.Equal(OutboxKinds.None, await signal.WaitAsync(timeout.Token));
    }

    [Fact]
    public async Task A_commit_raises_the_kinds_its_saves_queued_and_a_rollback_raises_none()
    {
        var signal = app.Services.GetRequiredService<OutboxWakeSignal>();
        signal.Take();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.EmailOutbox.Add(Mail());
                await db.SaveChangesAsync();
                Assert.Equal(OutboxKinds.None, signal.Take());
                await transaction.CommitAsync();
            }

            Assert.Equal(OutboxKinds.Email, signal.Take());

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.EmailOutbox.Add(Mail());
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            Assert.Equal(OutboxKinds.None, signal.Take());

            // Without a transaction the save is its own commit.
            db.EmailOutbox.Add(Mail());
            await db.SaveChangesAsync();
            Assert.Equal(OutboxKinds.Email, signal.Take());
        }

        // A dossier taken in starts its workflow, whose effects the store writes with its own statement (not a save): that kind, at the
        // commit of the intake's transaction.
        await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        Assert.Equal(OutboxKinds.WorkflowEffects, signal.Take());
    }

    [Fact]
    public async Task A_committed_mail_wakes_the_mail_dispatcher_and_not_the_workflow_poll()
    {
        var commands = new CommandLog();
        await using var host = app.WithWebHostBuilder(builder =>
        {
            // The poll runs once at start, then not for ten minutes: only the commit's wake-up can send the mail within the test.
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
                new Dictionary<string, string?> { ["Workflows:BackgroundProcessing"] = "true", ["Workflows:PollSeconds"] = "600" }));
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<OneStopDbContext>((_, options) => options.AddInterceptors(commands), ServiceLifetime.Singleton));
        });
        var heartbeat = host.Services.GetRequiredService<BackgroundHeartbeat>();
        for (var waited = 0; heartbeat.LastSuccess is null && waited < 300; waited++)
        {
            await Task.Delay(100);
        }

        Assert.NotNull(heartbeat.LastSuccess);
        Assert.Contains(commands.Texts, c => c.Contains("FROM workflow_outbox", StringComparison.Ordinal));
        commands.Texts.Clear();

        long id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var mail = Mail();
            db.EmailOutbox.Add(mail);
            await db.SaveChangesAsync();
            id = mail.Id;
        }

        var sent = false;
        for (var waited = 0; !sent && waited < 100; waited++)
        {
            await Task.Delay(100);
            await using var check = app.Database.CreateContext();
            sent = await check.EmailOutbox.AnyAsync(m => m.Id == id && m.SentAt != null);
        }

        Assert.True(sent, "the mail was not sent at its commit");
        Assert.DoesNotContain(commands.Texts, c => c.Contains("FROM workflow_outbox", StringComparison.Ordinal));
    }

    private static OutgoingEmail Mail() => new()
    {
        Key = "wake:" + Guid.NewGuid().ToString("N"), To = "nguoidan@example.vn", Subject = "Thử đánh thức", HtmlBody = "<p>Thử</p>",
        CreatedAt = DateTimeOffset.UtcNow, AvailableAt = DateTimeOffset.UtcNow.AddMinutes(-1),
    };

    /// <summary>The text of every command the host's contexts send.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Texts { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
