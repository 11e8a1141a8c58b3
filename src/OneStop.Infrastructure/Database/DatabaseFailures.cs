namespace OneStop.Infrastructure.Database;

/// <summary>What a failure says about the database, looked for anywhere in the exception's chain (EF Core's execution strategy wraps them).</summary>
public static class DatabaseFailures
{
    /// <summary>
    /// The database could not be reached in time: Npgsql's own failures (not a PostgreSQL error) caused by a timeout (pool exhausted,
    /// command timeout) or a socket or I/O failure (server down or restarting), or PostgreSQL shutting down, starting up or full.
    /// </summary>
    public static bool Unavailable(Exception exception) => InChain(exception, e =>
        (e is Npgsql.NpgsqlException and not Npgsql.PostgresException
            && e.InnerException is TimeoutException or System.Net.Sockets.SocketException or IOException)
        // admin shutdown, cannot connect now (starting up), too many connections
        || e is Npgsql.PostgresException { SqlState: "57P01" or "57P03" or "53300" });

    /// <summary>Whether the exception or any of its inner exceptions is one <paramref name="test"/> picks.</summary>
    public static bool InChain(Exception exception, Func<Exception, bool> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Find(exception, test) is not null;
    }

    /// <summary>The first exception of type <typeparamref name="T"/> in the chain (EF Core wraps what its interceptors throw), or null.</summary>
    public static T? InChain<T>(Exception? exception) where T : Exception => (T?)Find(exception, e => e is T);

    private static Exception? Find(Exception? exception, Func<Exception, bool> test)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (test(e))
            {
                return e;
            }
        }

        return null;
    }
}
