using System.Net;
using System.Text.RegularExpressions;
using OneStop.Infrastructure.Observability;

namespace OneStop.IntegrationTests.Operations;

/// <summary>What an operator sees of a whole journey: log lines with trace ids and dossier codes and no personal data, and the metrics.</summary>
public sealed partial class OperationsJourneyTests(OperationsJourney app) : IClassFixture<OperationsJourney>
{
    [Fact]
    public async Task No_log_line_of_a_whole_journey_carries_personal_data_or_a_secret()
    {
        var journey = await app.Journey;
        Assert.Contains("Tiếp nhận", journey.Accepted, StringComparison.Ordinal);
        Assert.True(journey.MailsSent > 0);
        Assert.NotEmpty(journey.ConfirmationToken);
        var lines = app.Logs.Select(l => l.Line).ToList();
        Assert.True(lines.Count > 100, $"only {lines.Count} log lines: is Debug logging captured?");

        string[] secrets =
        [
            OperationsJourney.IdNumber, OperationsJourney.Email, OperationsJourney.Password, OperationsJourney.Phone, "987654321",
            OperationsJourney.FullName, "Khánh Vy", "khanh vy", "Trịnh Thị", OperationsJourney.Address, "ngõ Văn Chương", "ngo van chuong",
            journey.BearerToken, journey.BearerToken[..24], journey.ConfirmationToken, Uri.EscapeDataString(journey.ConfirmationToken),
            Uri.EscapeDataString(OperationsJourney.Email), "nguyen.van.an", "tiepnhan.sgtvt@", "Nguyễn Văn An",
        ];
        foreach (var secret in secrets)
        {
            var leak = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)
                || Regex.Unescape(l).Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"'{secret}' reached a log line: {leak}");
        }
    }

    [Fact]
    public async Task Log_lines_carry_the_trace_id_and_the_code_of_the_dossier_they_are_about()
    {
        var journey = await app.Journey;
        var events = app.Logs.Select(l => l.Event).ToList();

        var aboutTheDossier = events.Where(e => e.Properties.TryGetValue("DossierCode", out var code) && code.ToString() == $"\"{journey.DossierCode}\"").ToList();
        Assert.NotEmpty(aboutTheDossier);
        Assert.All(aboutTheDossier, e => Assert.NotNull(e.TraceId));
        Assert.Contains(app.Logs, l => l.Line.Contains($"\"DossierCode\":\"{journey.DossierCode}\"", StringComparison.Ordinal)
            && l.Line.Contains("\"@tr\":", StringComparison.Ordinal));
        // Requests (the workspace page, the API) and background work (effects, e-mails) both name it.
        Assert.Contains(aboutTheDossier, e => e.Properties.ContainsKey("RequestPath"));
        Assert.True(aboutTheDossier.Any(e => !e.Properties.ContainsKey("RequestPath")), Describe(events));
    }

    // What the background units logged, for a failure message.
    private static string Describe(List<Serilog.Events.LogEvent> events) => string.Join('\n', events
        .Where(e => e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("Dispatcher", StringComparison.Ordinal)
            || e.Properties.ContainsKey("DossierCode") && !e.Properties.ContainsKey("RequestPath"))
        .Take(20)
        .Select(e => $"{e.RenderMessage()} | {string.Join(", ", e.Properties.Select(p => $"{p.Key}={p.Value}"))}"));

    [Fact]
    public async Task The_prometheus_listener_serves_the_business_metrics_on_its_own_port_only()
    {
        var journey = await app.Journey;
        using var scraper = new HttpClient();

        var metrics = await scraper.GetStringAsync($"http://127.0.0.1:{app.MetricsPort}/metrics");

        Assert.Matches(@"onestop_dossiers_submitted_total\{[^}]*agency=""SGTVT""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"onestop_dossiers_completed_total\{[^}]*agency=""SGTVT""[^}]*outcome=""completed""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"onestop_documents_issue_duration_seconds_count\{[^}]*kind=""receipt""[^}]*\} [1-9]", metrics);
        foreach (var outbox in OutboxBacklog.All)
        {
            Assert.Matches($@"onestop_outbox_backlog\{{[^}}]*outbox=""{outbox.Name}""[^}}]*\}} \d", metrics);
            Assert.Matches($@"onestop_outbox_oldest_age_seconds\{{[^}}]*outbox=""{outbox.Name}""[^}}]*\}} [\d.]", metrics);
        }

        Assert.Matches(@"onestop_tasks_open\{[^}]*agency=""SGTVT""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"onestop_tasks_overdue\{[^}]*agency=""SGTVT""[^}]*\} 0", metrics);
        Assert.Matches(@"(?m)^onestop_timers_due(\{[^}]*\})? \d", metrics);
        Assert.Matches(@"(?m)^onestop_timers_oldest_due_age_seconds(\{[^}]*\})? [\d.]", metrics);
        Assert.Matches(@"(?m)^onestop_legacy_import_running(\{[^}]*\})? 0", metrics);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(journey.DossierCode, metrics, StringComparison.Ordinal);

        // The app's own port (the one a reverse proxy forwards) has no metrics.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/metrics")).StatusCode);
    }
}
