using System.Net;
using System.Net.Sockets;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// The ./onestop script's local PostgreSQL cluster follows ONESTOP_PG_PORT and survives a moved checkout: run on a throw-away copy
/// of the script (its own .local cluster), never on the developer's.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LocalClusterTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "onestop-checkout-" + Guid.NewGuid().ToString("N"));
    private string _checkout;

    public LocalClusterTests()
    {
        _checkout = Path.Combine(_parent, "first");
        Directory.CreateDirectory(_checkout);
        File.Copy(Path.Combine(CliRun.RepositoryRoot, "onestop"), Path.Combine(_checkout, "onestop"));
        File.SetUnixFileMode(Path.Combine(_checkout, "onestop"), (UnixFileMode)0b111_101_101);
        // Root runs the cluster as the 'postgres' user, which must reach the data folder inside the checkout.
        File.SetUnixFileMode(_parent, (UnixFileMode)0b111_101_101);
    }

    [Fact]
    public async Task The_cluster_restarts_on_a_new_port_and_starts_again_after_the_checkout_moves()
    {
        var first = FreePort();
        var second = FreePort();

        var created = await PsqlAsync(first, "show port");
        var moved = await PsqlAsync(second, "show port");

        Assert.True(created.Exit == 0, created.Output);
        Assert.Contains($"\n{first}\n", "\n" + created.Output, StringComparison.Ordinal);
        Assert.True(moved.Exit == 0, moved.Output);
        Assert.Contains($"restarting it on {second} (ONESTOP_PG_PORT)", moved.Output, StringComparison.Ordinal);
        Assert.Contains($"\n{second}\n", "\n" + moved.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await ScriptAsync(second, "stop")).Exit);
        var elsewhere = Path.Combine(_parent, "moved");
        Directory.Move(_checkout, elsewhere);
        _checkout = elsewhere;
        var afterMove = await PsqlAsync(second, "select current_setting('port') || ' ' || current_database()");

        Assert.True(afterMove.Exit == 0, afterMove.Output);
        Assert.Contains($"{second} onestop", afterMove.Output, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output)> PsqlAsync(int port, string sql) => ScriptAsync(port, "psql", "-tAc", sql);

    private async Task<(int Exit, string Output)> ScriptAsync(int port, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(_checkout, "onestop"))
        {
            WorkingDirectory = _checkout,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ConnectionStrings__OneStop");
        start.Environment.Remove("ONESTOP_DB");
        start.Environment["ONESTOP_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(_checkout, "onestop")))
        {
            ScriptAsync(0, "stop").GetAwaiter().GetResult();
        }

        try
        {
            Directory.Delete(_parent, recursive: true);
        }
        catch (IOException)
        {
            // The cluster's files belong to 'postgres' when root runs the tests; the temporary folder is left to the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
