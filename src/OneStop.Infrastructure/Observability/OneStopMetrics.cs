using System.Diagnostics.Metrics;

namespace OneStop.Infrastructure.Observability;

/// <summary>
/// OneStop's counters and histograms (the gauges that read the database are in <see cref="OperationsGauges"/>). Prometheus names:
/// dots become underscores, counters get "_total", durations "_seconds" (e.g. onestop_dossiers_submitted_total).
/// </summary>
public sealed class OneStopMetrics
{
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _completed;
    private readonly Histogram<double> _documentIssue;
    private readonly Counter<long> _deliveryFailures;
    private readonly Counter<long> _setAside;

    public OneStopMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(OneStopTelemetry.MeterName);
        _submitted = Meter.CreateCounter<long>("onestop.dossiers.submitted", "{dossier}", "Dossiers submitted (online or at the counter), by agency.");
        _completed = Meter.CreateCounter<long>("onestop.dossiers.completed", "{dossier}",
            "Dossiers that ended, by agency and outcome (completed, rejected, withdrawn) and whether they were on time.");
        _documentIssue = Meter.CreateHistogram<double>("onestop.documents.issue.duration", "s",
            "Time to fill, render and store one issued document (receipt, result …), by kind.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] });
        _deliveryFailures = Meter.CreateCounter<long>("onestop.outbox.delivery_failures", "{attempt}",
            "Failed delivery attempts of an outbox entry (it is retried later), by outbox.");
        _setAside = Meter.CreateCounter<long>("onestop.outbox.set_aside", "{entry}",
            "Outbox entries given up on (an e-mail the server refused for good or that failed too often), by outbox.");
    }

    /// <summary>The meter every OneStop instrument belongs to.</summary>
    public Meter Meter { get; }

    public void DossierSubmitted(string agency) => _submitted.Add(1, new KeyValuePair<string, object?>("agency", agency));

    public void DossierEnded(string agency, string outcome, bool onTime) =>
        _completed.Add(1, new("agency", agency), new("outcome", outcome), new("on_time", onTime ? "true" : "false"));

    public void DocumentIssued(string kind, TimeSpan elapsed) =>
        _documentIssue.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    public void DeliveryFailed(string outbox) => _deliveryFailures.Add(1, new KeyValuePair<string, object?>("outbox", outbox));

    public void SetAside(string outbox) => _setAside.Add(1, new KeyValuePair<string, object?>("outbox", outbox));
}
