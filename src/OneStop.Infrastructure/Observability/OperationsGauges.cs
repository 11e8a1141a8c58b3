using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Legacy;

namespace OneStop.Infrastructure.Observability;

/// <summary>
/// The gauges that read the database: outbox backlogs and their oldest age, open and overdue tasks per agency, timers due but not
/// fired, whether a legacy import runs. Every query reads a partial or leading index (or a table of open rows only), all are sent in
/// one batch, and the answer is kept for <see cref="MetricsOptions.DatabaseGaugeSeconds"/> so that a scrape reads the database once
/// whatever the number of gauges, and two exporters (OTLP and Prometheus) do not double it.
/// </summary>
public sealed partial class OperationsGauges
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<MetricsOptions> _options;
    private readonly ILogger<OperationsGauges> _logger;
    private readonly Lock _gate = new();
    private OperationsSnapshot _snapshot = OperationsSnapshot.Empty;
    private DateTime _readAt = DateTime.MinValue;
    private DateTime _lastFailureLogged = DateTime.MinValue;

    public OperationsGauges(OneStopMetrics metrics, LegacyImportMonitor imports, IServiceScopeFactory scopes, IOptions<MetricsOptions> options,
        ILogger<OperationsGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(imports);
        _scopes = scopes;
        _options = options;
        _logger = logger;
        var meter = metrics.Meter;
        meter.CreateObservableGauge("onestop.outbox.backlog",
            () => Read().Outboxes.Select(o => new Measurement<long>(o.Count, new KeyValuePair<string, object?>("outbox", o.Outbox))),
            "{entry}", "Entries waiting to be delivered, by outbox (workflow effects, e-mails).");
        meter.CreateObservableGauge("onestop.outbox.oldest_age",
            () => Read().Outboxes.Select(o => new Measurement<double>(o.OldestSeconds, new KeyValuePair<string, object?>("outbox", o.Outbox))),
            "s", "How long the oldest waiting entry has waited, by outbox (0 when none waits).");
        meter.CreateObservableGauge("onestop.tasks.open",
            () => Read().Tasks.Select(t => new Measurement<long>(t.Open, new KeyValuePair<string, object?>("agency", t.Agency))),
            "{task}", "Open workflow tasks, by agency.");
        meter.CreateObservableGauge("onestop.tasks.overdue",
            () => Read().Tasks.Select(t => new Measurement<long>(t.Overdue, new KeyValuePair<string, object?>("agency", t.Agency))),
            "{task}", "Open workflow tasks past their due time, by agency.");
        meter.CreateObservableGauge("onestop.timers.due", () => Read().TimersDue,
            "{timer}", "Workflow timers whose time has come but that have not fired yet.");
        meter.CreateObservableGauge("onestop.timers.oldest_due_age", () => Read().TimersOldestSeconds,
            "s", "How long ago the oldest unfired timer fell due (0 when none).");
        meter.CreateObservableGauge("onestop.legacy_import.running", () => Read().LegacyImportRunning ? 1 : 0,
            "{import}", "1 while a legacy import runs anywhere (this host, another, or the command line), else 0.");
        meter.CreateObservableGauge("onestop.legacy_import.duration", () => Read().LegacyImportSeconds,
            "s", "How long the running legacy import has run (0 when none).");
        meter.CreateObservableGauge("onestop.legacy_import.rows_read", () => Progress(imports, p => p.Read),
            "{row}", "Rows the legacy import running in this process has read.");
        meter.CreateObservableGauge("onestop.legacy_import.rows_expected", () => Progress(imports, p => p.Expected),
            "{row}", "Rows the bundle of the legacy import running in this process announces in its manifest.");
    }

    private static IEnumerable<Measurement<long>> Progress(LegacyImportMonitor imports, Func<(long Read, long Expected), long> value) =>
        imports.Progress is { } progress ? [new Measurement<long>(value(progress))] : [];

    internal OperationsSnapshot Read()
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (now - _readAt < TimeSpan.FromSeconds(Math.Max(1, _options.Value.DatabaseGaugeSeconds)))
            {
                return _snapshot;
            }

            _readAt = now;
            try
            {
                _snapshot = Query();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // Reported by the readiness check; here the gauges just go quiet until the database answers again.
                _snapshot = OperationsSnapshot.Empty;
                if (now - _lastFailureLogged > TimeSpan.FromMinutes(5))
                {
                    _lastFailureLogged = now;
                    LogReadFailed(_logger, ex.Message);
                }
            }

            return _snapshot;
        }
    }

    private OperationsSnapshot Query()
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        connection.Open();
        try
        {
            using var batch = new NpgsqlBatch(connection) { Timeout = 10 };
            foreach (var outbox in OutboxBacklog.All)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(outbox.Sql));
            }

            // workflow_tasks holds open tasks only (a task row goes when its step is done), so this reads the open work, not history.
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "SELECT agency, count(*), count(*) FILTER (WHERE due_at < now()) FROM workflow_tasks GROUP BY agency"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(due_at)), 0)::float8 FROM workflow_timers WHERE due_at <= now()"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                                 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                 AND ((classid::bigint << 32) | objid::bigint) = {LegacyImportSession.LockKey}),
                       coalesce((SELECT extract(epoch FROM now() - max(started_at)) FROM legacy.import_runs WHERE status = 'Running'), 0)::float8
                """));

            using var reader = batch.ExecuteReader();
            var outboxes = new List<(string, long, double)>();
            foreach (var outbox in OutboxBacklog.All)
            {
                reader.Read();
                outboxes.Add((outbox.Name, reader.GetInt64(0), reader.GetDouble(1)));
                reader.NextResult();
            }

            var tasks = new List<(string, long, long)>();
            while (reader.Read())
            {
                tasks.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }

            reader.NextResult();
            reader.Read();
            var (timersDue, timersOldest) = (reader.GetInt64(0), reader.GetDouble(1));
            reader.NextResult();
            reader.Read();
            var running = reader.GetBoolean(0);
            return new OperationsSnapshot(outboxes, tasks, timersDue, timersOldest, running, running ? reader.GetDouble(1) : 0);
        }
        finally
        {
            connection.Close();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operations gauges could not read the database: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);
}
