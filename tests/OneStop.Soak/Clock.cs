using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace OneStop.Soak;

/// <summary>
/// Time passes: a soak of minutes reaches no deadline counted in working hours and days, so now and then the harness takes a few running
/// workflow instances and makes every timer they hold due now, as if their reminder, deadline and escalation times had come. It writes
/// as another writer of the instance would: the instance row locked (FOR UPDATE SKIP LOCKED, never waiting on a host), the state and its
/// timer projection changed together and the version raised, so a host holding an older copy gets a conflict instead of undoing the
/// change. The hosts' timer processors must then fire each of these timers once (<see cref="Checks"/>).
/// </summary>
internal sealed class Clock(Installation installation, Ledger ledger, Random random)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public async Task RunAsync(TimeSpan every, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every * (0.7 + 0.6 * random.NextDouble()), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var aged = await AgeAsync(random.Next(2, 6));
                if (aged > 0)
                {
                    Console.WriteLine($"  clock: {aged} timers made due");
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The database restart fault: the time jump is simply skipped this round.
            }
        }
    }

    private async Task<int> AgeAsync(int instances)
    {
        await using var db = new NpgsqlConnection(installation.ConnectionString);
        await db.OpenAsync();
        await using var transaction = await db.BeginTransactionAsync();
        var picked = new List<(Guid Id, string State)>();
        await using (var select = new NpgsqlCommand("""
            SELECT i.id, i.state::text FROM workflow_instances i
            WHERE i.status <> 'Ended' AND EXISTS (SELECT 1 FROM workflow_timers t WHERE t.instance_id = i.id AND t.due_at > now())
            ORDER BY random() LIMIT @n FOR UPDATE OF i SKIP LOCKED
            """, db, transaction))
        {
            select.Parameters.AddWithValue("n", instances);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                picked.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        var aged = new List<AgedTimer>();
        foreach (var (id, json) in picked)
        {
            var state = JsonNode.Parse(json)!.AsObject();
            var timers = state["timers"]?.AsArray() ?? [];
            foreach (var timer in timers.OfType<JsonObject>())
            {
                if (timer["dueAt"]!.GetValue<DateTimeOffset>() <= now)
                {
                    continue;
                }

                timer["dueAt"] = JsonValue.Create(now.ToOffset(Vietnam));
                aged.Add(new AgedTimer(id, timer["id"]!.GetValue<Guid>(), timer["kind"]!.GetValue<string>(),
                    timer["taskId"] is JsonValue task ? task.GetValue<Guid>() : null));
            }

            var version = state["version"]!.GetValue<long>() + 1;
            state["version"] = version;
            await using var update = new NpgsqlCommand("""
                UPDATE workflow_instances SET state = @state::jsonb, version = @version WHERE id = @id;
                UPDATE workflow_timers SET due_at = @now WHERE instance_id = @id AND due_at > @now;
                """, db, transaction);
            update.Parameters.AddWithValue("state", state.ToJsonString(new JsonSerializerOptions()));
            update.Parameters.AddWithValue("version", version);
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("now", now);
            await update.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        foreach (var timer in aged)
        {
            ledger.AgedTimers.Enqueue(timer);
        }

        return aged.Count;
    }
}
