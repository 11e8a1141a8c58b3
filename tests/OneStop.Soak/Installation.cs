using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OneStop.Soak;

/// <summary>
/// One installation of OneStop for the soak: a fresh database on the configured server (migrated and seeded by the CLI), a shared
/// file store and mail pickup folder, and N hosts of the built OneStop.Web as separate processes on loopback ports.
/// </summary>
internal sealed class Installation(SoakOptions options, string serverConnection, string webhookUrl) : IAsyncDisposable
{
    private readonly List<WebHost> _hosts = [];

    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(serverConnection)
    {
        Database = options.Database,
        MaxPoolSize = 20,
        Pooling = true,
    }.ConnectionString;

    public string FileRoot => Path.Combine(options.WorkDir, "files");
    public string MailDir => Path.Combine(options.WorkDir, "mail");
    public string LogDir => Path.Combine(options.WorkDir, "logs");
    public IReadOnlyList<WebHost> Hosts => _hosts;

    public async Task PrepareAsync()
    {
        foreach (var file in new[] { options.WebDll, options.CliDll })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file} is missing: build the solution ({options.Configuration}) first.");
            }
        }

        if (Directory.Exists(options.WorkDir))
        {
            Directory.Delete(options.WorkDir, recursive: true);
        }

        Directory.CreateDirectory(FileRoot);
        Directory.CreateDirectory(MailDir);
        Directory.CreateDirectory(LogDir);

        var admin = new NpgsqlConnectionStringBuilder(serverConnection) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{options.Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{options.Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        await CliAsync("db", "migrate");
        await CliAsync("seed", "demo");
    }

    public async Task StartHostsAsync()
    {
        for (var i = 0; i < options.Hosts; i++)
        {
            _hosts.Add(new WebHost(i + 1, FreePort(), options, Environment()));
        }

        await Task.WhenAll(_hosts.Select(h => h.StartAsync(LogDir)));
    }

    /// <summary>The settings every host shares, so they behave as one installation: database (keys, sessions), file store, mail folder.</summary>
    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__OneStop"] = ConnectionString,
        ["FileStore__Root"] = FileRoot,
        ["Email__PickupDirectory"] = MailDir,
        ["Workflows__BackgroundProcessing"] = "true",
        ["Workflows__PollSeconds"] = "2",
        // Every client of the soak comes from 127.0.0.1: the per-address limits would refuse a province's worth of users.
        ["RateLimiting__Scale"] = "1000",
        ["Logs__Json"] = "false",
        // The driving licence's result goes to the post office (the harness's listener), which must hear of each one.
        ["Workflows__Webhooks__vnpost-delivery__Url"] = webhookUrl,
    };

    private async Task CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = options.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(options.CliDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in Environment())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"onestop-cli {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    /// <summary>pg_ctl restart -m fast of the local cluster; only when the harness was given the cluster (the script's own).</summary>
    public async Task<bool> RestartPostgresAsync()
    {
        if (options.PgData is null || options.PgBin is null)
        {
            return false;
        }

        var start = new ProcessStartInfo(Path.Combine(options.PgBin, "pg_ctl")) { RedirectStandardOutput = true, RedirectStandardError = true };
        // As root the cluster belongs to 'postgres' (the script's pg_as_owner).
        if (System.Environment.UserName == "root")
        {
            start = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-u", "postgres", "--", Path.Combine(options.PgBin, "pg_ctl") })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in new[] { "-D", options.PgData, "-l", Path.Combine(options.PgData, "postgres.log"), "-m", "fast", "-w", "-t", "60", "restart" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        _ = await output;
        _ = await error;
        return process.ExitCode == 0;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_hosts.Select(h => h.StopAsync()));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
