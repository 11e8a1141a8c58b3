using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>The plan PostgreSQL caches for a statement once prepared — a generic plan, forced — as EXPLAIN prints it.</summary>
internal static class GenericPlans
{
    /// <param name="statement">The SQL with its parameters as $1…$n.</param>
    /// <param name="arguments">The values for EXECUTE, as SQL (EXPLAIN takes no bound parameters).</param>
    /// <param name="types">The parameters' types, e.g. "(timestamptz)", when PostgreSQL cannot infer them.</param>
    public static async Task<string> ExplainAsync(OneStopDbContext db, string statement, string arguments, string types = "")
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var prepared = false;
        try
        {
            await using (var prepare = connection.CreateCommand())
            {
                prepare.CommandText = $"SET plan_cache_mode = force_generic_plan; PREPARE generic{types} AS {statement}";
                await prepare.ExecuteNonQueryAsync();
                prepared = true;
            }

            await using var explain = connection.CreateCommand();
            explain.CommandText = $"EXPLAIN EXECUTE generic({arguments})";
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        }
        finally
        {
            // Pooled connections are not reset on their return (DatabaseOptions.Effective): leave this one as it was. Only this
            // statement: DEALLOCATE ALL would drop the ones Npgsql prepared and still believes in.
            await using (var reset = connection.CreateCommand())
            {
                reset.CommandText = prepared ? "DEALLOCATE generic; RESET plan_cache_mode" : "RESET plan_cache_mode";
                await reset.ExecuteNonQueryAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }
}
