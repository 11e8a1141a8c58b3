using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Xunit;

namespace OneStop.Testing;

/// <summary>The real web host over a test class's own PostgreSQL database, with mail written to a temporary folder.</summary>
public class OneStopAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "onestop-mail-" + Guid.NewGuid().ToString("N"));

    public Mailbox Mailbox => new(MailDirectory);

    /// <summary>
    /// Waits until the account mails handed to the mail server after their answer (a password reset, a resent confirmation) have been
    /// sent or refused; at most half a minute.
    /// </summary>
    public async Task AccountMailsSentAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<OneStop.Web.Features.Accounts.AccountMailQueue>().IdleAsync(limit.Token);
    }

    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>
    /// The host's error log lines so far, each with its exception, for an assertion message: a test that meets a 500 can say why
    /// (the test runner shows the host's console to no one).
    /// </summary>
    public string ServerErrors => _errors.IsEmpty ? "(the host logged no error)" : string.Join("\n", _errors.TakeLast(5));

    public virtual async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OneStop"] = Database.ConnectionString,
            // WebApplicationFactory's client calls the app "localhost"; outside Development only named hosts are served.
            ["AllowedHosts"] = "localhost",
            // The suite runs on the demo province: a deliberate demonstration (banner, Admin and Leader not forced to enrol 2FA).
            ["Demo:Enabled"] = "true",
            // Every test client comes from one address and signs in hundreds of times: the limits are raised, not removed
            // (Security/RateLimitTests runs them at their real values).
            ["RateLimiting:Scale"] = "1000",
            ["Email:Mode"] = "Pickup",
            ["Email:PickupDirectory"] = MailDirectory,
            ["Startup:MigrateDatabase"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Workflows:BackgroundProcessing"] = "false",
            ["FileStore:Root"] = Path.Combine(MailDirectory, "files"),
        }));
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(new ErrorCapture(_errors)));
    }

    /// <summary>Keeps the host's Error and Fatal events (the pipeline reads sinks from the services).</summary>
    private sealed class ErrorCapture(ConcurrentQueue<string> errors) : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Level >= LogEventLevel.Error)
            {
                errors.Enqueue($"{logEvent.Timestamp:HH:mm:ss.fff} {logEvent.RenderMessage(CultureInfo.InvariantCulture)} {logEvent.Exception}");
            }
        }
    }
}
