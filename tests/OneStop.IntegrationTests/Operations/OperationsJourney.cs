using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Portal;
using OneStop.IntegrationTests.Workspace;
using OneStop.Testing;
using OneStop.Web.Hosting.Logging;
using Serilog.Core;
using Serilog.Events;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// A host that keeps every log event at Debug (as an operator hunting a problem would set it), exposes the Prometheus listener on a
/// free loopback port, and runs one whole journey once: a citizen registers with an ID number, a name, an address, a phone and an
/// e-mail, confirms the e-mail, signs in for a bearer token, submits a dossier; the counter accepts it from the workspace page;
/// the officials take it to its end; the workflow effects and the e-mails go out. A second dossier waits at the counter.
/// </summary>
public sealed class OperationsJourney : OneStopAppFactory
{
    public const string Email = "khanhvy.trinh.kiemthu@example.vn";
    public const string Password = "Vy#Khanh-2026!kiemthu";
    public const string FullName = "Trịnh Thị Khánh Vy";
    public const string IdNumber = "038196004217";
    public const string Phone = "0987654321";
    public const string Address = "Số 58 ngõ Văn Chương, phường Văn Miếu";

    private readonly Lazy<Task<JourneyResult>> _journey;

    public OperationsJourney() => _journey = new(RunAsync);

    /// <summary>Every log event of the host, as the console would write it (compact JSON, personal data masked).</summary>
    public ConcurrentQueue<(LogEvent Event, string Line)> Logs { get; } = new();

    public int MetricsPort { get; } = FreePort();

    public Task<JourneyResult> Journey => _journey.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Debug",
            ["Metrics:Prometheus:Port"] = MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Metrics:DatabaseGaugeSeconds"] = "1",
        }));
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(new Capture(Logs)));
    }

    private async Task<JourneyResult> RunAsync()
    {
        var anonymous = CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email = Email, password = Password, fullName = FullName, idNumber = IdNumber, phone = Phone, address = Address })).EnsureSuccessStatusCode();
        var confirmation = new Uri(await Mailbox.WaitForLinkAsync(Email, "ConfirmEmail"));
        (await anonymous.GetAsync(confirmation.PathAndQuery)).EnsureSuccessStatusCode();

        var citizen = await this.CreateBearerClientAsync(Email, Password);
        var (id, code) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        // A second dossier stays at the counter: an open task to count.
        await CitizenDossierBuilder.SubmittedAsync(citizen);

        var counter = CreateClient();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var accepted = await counter.ActAsync(id, "accept", new Dictionary<string, string> { ["Comment"] = "Hồ sơ đầy đủ" });

        var scenario = new DossierScenario(Services);
        await scenario.DriveToEndAsync(code, new Dictionary<string, object?> { ["licenceNumber"] = "200123456789", ["licenceClass"] = "B" });
        await scenario.DeliverEffectsAsync();
        var mails = await scenario.DeliverMailAsync();
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(confirmation.Query);
        return new JourneyResult(code, accepted, mails, citizen.DefaultRequestHeaders.Authorization!.Parameter!, query["code"].ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Capture(ConcurrentQueue<(LogEvent, string)> logs) : ILogEventSink
    {
        private readonly Serilog.Formatting.ITextFormatter _format = LogFormats.Create(json: true);

        public void Emit(LogEvent logEvent)
        {
            using var line = new StringWriter();
            _format.Format(logEvent, line);
            logs.Enqueue((logEvent, line.ToString()));
        }
    }
}

/// <summary>What the journey produced: the dossier's code, what the counter's page said, how many mails went out, the secrets it used.</summary>
public sealed record JourneyResult(string DossierCode, string Accepted, int MailsSent, string BearerToken, string ConfirmationToken);
