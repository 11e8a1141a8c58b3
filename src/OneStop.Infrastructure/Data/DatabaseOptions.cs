using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace OneStop.Infrastructure.Data;

/// <summary>Where the database is and how EF Core talks to it.</summary>
public static class DatabaseOptions
{
    /// <summary>The configuration key of the connection string (environment: ConnectionStrings__OneStop).</summary>
    public const string ConnectionStringName = "OneStop";

    /// <summary>Reads ConnectionStrings:OneStop, falling back to the ONESTOP_DB environment variable.</summary>
    public static string? ResolveConnectionString(IConfiguration? configuration)
    {
        var configured = configuration?.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("ConnectionStrings__OneStop");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? Environment.GetEnvironmentVariable("ONESTOP_DB") : fromEnvironment;
    }

    /// <summary>How many statements each connection keeps prepared when the connection string does not say (Npgsql's own default is none).</summary>
    public const int DefaultMaxAutoPrepare = 200;

    /// <summary>
    /// The connection string as OneStop uses it; what the connection string sets itself stands.
    /// <list type="bullet">
    /// <item>Unless it sets <c>Max Auto Prepare</c>, Npgsql prepares the statements a connection runs more than once, so PostgreSQL
    /// parses and plans each of them once per connection instead of on every call (a quarter of the server's CPU on the submission
    /// path, PERFORMANCE.md). A deployment behind a transaction-pooling proxy that cannot keep prepared statements sets
    /// <c>Max Auto Prepare=0</c>.</item>
    /// <item>Unless it sets <c>No Reset On Close</c>, a connection going back to the pool is not reset: Npgsql's reset is seven
    /// statements sent before the next command of every lease (<c>RESET ALL</c>, <c>pg_advisory_unlock_all()</c>, <c>UNLISTEN *</c>,
    /// <c>DISCARD TEMP</c> …), and EF Core leases a connection for each query outside a transaction — about ten resets per online
    /// submission, a tenth of the machine at saturation (PERFORMANCE.md, the tenth session). OneStop leaves no session state on a pooled
    /// connection: no session-level <c>SET</c>, advisory lock, <c>LISTEN</c>, temporary table or cursor (the legacy import's settings
    /// and lock live on unpooled connections of its own, <c>LegacyImportSession</c>; <c>SessionStateTests</c> keeps it so), and a
    /// transaction left open is rolled back by Npgsql when its connection goes back, reset or not.</item>
    /// </list>
    /// </summary>
    public static string Effective(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var effective = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MaxAutoPrepare"))
        {
            effective.MaxAutoPrepare = DefaultMaxAutoPrepare;
            effective.AutoPrepareMinUsages = 2;
        }

        if (!written.Contains("NoResetOnClose"))
        {
            effective.NoResetOnClose = true;
        }

        return effective.ConnectionString;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        // The values check goes with auto-preparation (Effective): a value refused while binding a statement being prepared
        // corrupts that connection's prepared statement (SendableValues).
        options.UseNpgsql(Effective(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SendableValuesInterceptor.Instance);
    }
}
