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
    /// The connection string as OneStop uses it: unless it sets <c>Max Auto Prepare</c> itself, Npgsql prepares the statements a
    /// connection runs more than once, so PostgreSQL parses and plans each of them once per connection instead of on every call (a
    /// quarter of the server's CPU on the submission path, PERFORMANCE.md). A deployment behind a transaction-pooling proxy that
    /// cannot keep prepared statements sets <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static string Effective(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return written.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare, AutoPrepareMinUsages = 2 }.ConnectionString;
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
