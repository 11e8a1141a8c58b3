using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

/// <summary>A host whose contexts record the commands each runs between taking an agency's code counter and its commit.</summary>
public sealed class CounterWindowAppFactory : OneStopAppFactory
{
    public CounterWindows Windows { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<OneStopDbContext>((_, options) => options.AddInterceptors(Windows.Commands, Windows.Transactions),
                ServiceLifetime.Singleton));
    }
}

/// <summary>
/// Every submission to an agency waits on its daily code counter from the counter's upsert to the commit (DossierCodeGenerator), so
/// what runs in that window bounds how many dossiers an agency can take in a second. An online submission reads all it needs before
/// the counter and then sends one save, with the code, the status, the procedure version, the workflow's id and the applicant's
/// notice in it, before the workflow's start (one statement of the workflow store, on the same connection) and the commit.
/// </summary>
public sealed class CodeCounterWindowTests(CounterWindowAppFactory app) : IClassFixture<CounterWindowAppFactory>
{
    [Fact]
    public async Task An_online_submission_sends_one_save_between_taking_its_code_and_the_commit()
    {
        var client = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        // The host's first save of a dossier of an agency also reads the agency's code for the metrics, once per process.
        await CitizenDossierBuilder.SubmittedAsync(client);
        var id = await CitizenDossierBuilder.DraftAsync(client);
        var submitted = await client.PostAsync($"/api/v1/dossiers/{id}/submit", null);
        submitted.EnsureSuccessStatusCode();
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        Assert.Equal(2, app.Windows.Committed.Count);
        var save = Assert.Single(app.Windows.Committed.Last());
        Assert.Contains("UPDATE dossiers SET", save, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO notifications", save, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO email_outbox", save, StringComparison.Ordinal);

        // All of it landed: the code, the workflow it names, the tasks with the dossier's facts, the notice in the app and by mail.
        await using var db = app.Database.CreateContext();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.Equal(code, dossier.Code);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.DossierCode == code);
        Assert.Equal(instance.Id, dossier.WorkflowInstanceId);
        var task = await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.DossierCode == code);
        Assert.Equal(dossier.ProcedureId, task.ProcedureId);
        Assert.Equal(dossier.SubmittedAt, task.SubmittedAt);
        var notice = await db.Notifications.AsNoTracking().SingleAsync(n => n.DossierId == code);
        Assert.Equal($"submitted:{id:N}", notice.Marker);
        Assert.Contains(code, notice.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.EmailOutbox.CountAsync(m => m.DossierCode == code && m.Key == $"applicant:submitted:{id:N}"));
    }
}

/// <summary>The commands each context sends after an upsert of dossier_code_counters, kept when its transaction commits.</summary>
public sealed class CounterWindows
{
    private readonly ConcurrentDictionary<DbContext, List<string>> _open = new();

    public ConcurrentQueue<List<string>> Committed { get; } = new();

    public CounterWindows()
    {
        Commands = new CommandSpy(this);
        Transactions = new TransactionSpy(this);
    }

    public DbCommandInterceptor Commands { get; }

    public DbTransactionInterceptor Transactions { get; }

    private void Sent(DbContext? context, DbCommand command)
    {
        if (context is null)
        {
            return;
        }

        if (command.CommandText.Contains("INSERT INTO dossier_code_counters", StringComparison.Ordinal))
        {
            _open[context] = [];
        }
        else if (_open.TryGetValue(context, out var window))
        {
            window.Add(command.CommandText);
        }
    }

    private void Ended(DbContext? context, bool committed)
    {
        if (context is not null && _open.TryRemove(context, out var window) && committed)
        {
            Committed.Enqueue(window);
        }
    }

    private sealed class CommandSpy(CounterWindows windows) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            windows.Sent(eventData.Context, command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            windows.Sent(eventData.Context, command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            windows.Sent(eventData.Context, command);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class TransactionSpy(CounterWindows windows) : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            windows.Ended(eventData.Context, committed: true);
            return Task.CompletedTask;
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            windows.Ended(eventData.Context, committed: false);
            return Task.CompletedTask;
        }
    }
}
