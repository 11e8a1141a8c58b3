using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

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

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }
}
