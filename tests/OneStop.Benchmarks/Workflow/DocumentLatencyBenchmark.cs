using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Benchmarks.Harness;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Testing;

namespace OneStop.Benchmarks.Workflow;

/// <summary>
/// How long after an official's action its document is there for the applicant: the counter official accepts a dossier through
/// /api/v1/workspace (the action committed when the answer arrives), then the applicant's app asks GET /api/v1/dossiers/{id} every
/// 20 ms until the receipt is listed. Measured on a host that runs its background processing, first with the 15-second poll only
/// (the reference: how it was), then with the wake-up at commit, in the same run on the same database.
/// </summary>
internal static class DocumentLatencyBenchmark
{
    public static async Task<int> RunAsync(RunnerOptions options)
    {
        var machine = MachineInfo.Describe();
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ONESTOP_WEB", Path.Combine(RepoPaths.Root, "src", "OneStop.Web"));
        var app = new OneStopAppFactory();
        await app.InitializeAsync();
        try
        {
            var pollOnly = await MeasureAsync(app, wake: false, dossiers: 6).ConfigureAwait(false);
            var wake = await MeasureAsync(app, wake: true, dossiers: 30).ConfigureAwait(false);

            var table = new ResultTable("Receipt listed for the applicant after \"accept\"", "p50 (ms)", "max (ms)", "Dossiers");
            table.Add("background poll only (15 s), as before", Fmt.N(Percentile(pollOnly, 0.5), 0), Fmt.N(pollOnly.Max(), 0), Fmt.I(pollOnly.Count));
            table.Add("wake-up at commit", Fmt.N(Percentile(wake, 0.5), 0), Fmt.N(wake.Max(), 0), Fmt.I(wake.Count));
            Console.WriteLine(table.ToMarkdown());
            await Report.WriteAsync(options, "document-latency", "Time from an official's action to its document, for the applicant", machine, [(string.Empty, table)],
            [
                "One sample = POST /api/v1/workspace/dossiers/{id}/tasks/{task}/actions/accept (If-Match) by the counter official; the clock starts when its answer arrives (committed) and stops when the citizen's GET /api/v1/dossiers/{id}, asked every 20 ms, lists the receipt.",
                "The host runs in-process (TestServer) with its background processing on (Workflows:PollSeconds 15); the reference round turns the wake-up off (Workflows:WakeOnCommit=false).",
            ]).ConfigureAwait(false);
            Console.WriteLine(FormattableString.Invariant($"RESULT document_after_action_ms_p50 {Percentile(wake, 0.5):0} ms"));
            Console.WriteLine(FormattableString.Invariant($"RESULT document_after_action_ms_max {wake.Max():0} ms"));
            Console.WriteLine(FormattableString.Invariant($"RESULT document_after_action_ms_max_poll_only {pollOnly.Max():0} ms"));
            return 0;
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static async Task<List<double>> MeasureAsync(OneStopAppFactory app, bool wake, int dossiers)
    {
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Workflows:BackgroundProcessing"] = "true",
                ["Workflows:PollSeconds"] = "15",
                ["Workflows:WakeOnCommit"] = wake ? "true" : "false",
            })));
        var reception = await SignInAsync(host, DemoAccounts.ReceptionSgtvt).ConfigureAwait(false);
        var citizen = await SignInAsync(host, DemoAccounts.Citizen).ConfigureAwait(false);
        var samples = new List<double>();
        for (var i = 0; i < dossiers; i++)
        {
            var id = await SubmitAsync(host.Services).ConfigureAwait(false);
            var view = await reception.GetAsync($"/api/v1/workspace/dossiers/{id}").ConfigureAwait(false);
            var task = (await view.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).GetProperty("tasks")[0].GetProperty("taskId").GetString();
            using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workspace/dossiers/{id}/tasks/{task}/actions/accept")
            {
                Content = JsonContent.Create(new { comment = "Đủ" }),
            };
            accept.Headers.IfMatch.Add(view.Headers.ETag!);
            (await reception.SendAsync(accept).ConfigureAwait(false)).EnsureSuccessStatusCode();
            var clock = Stopwatch.StartNew();
            while (!await HasReceiptAsync(citizen, id).ConfigureAwait(false))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"No receipt for {id} after 60 s.");
                }

                await Task.Delay(20).ConfigureAwait(false);
            }

            samples.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine(FormattableString.Invariant($"{(wake ? "wake" : "poll")} #{i + 1}: {clock.Elapsed.TotalMilliseconds:0} ms"));
        }

        samples.Sort();
        return samples;
    }

    private static async Task<bool> HasReceiptAsync(HttpClient citizen, Guid id)
    {
        var dossier = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}").ConfigureAwait(false);
        return dossier.GetProperty("documents").EnumerateArray().Any(d => d.GetProperty("kind").GetString() == "receipt");
    }

    private static async Task<Guid> SubmitAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var citizen = await db.Users.Where(u => u.Email == DemoAccounts.Citizen).Select(u => u.Id).SingleAsync().ConfigureAwait(false);
        var dossier = await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("1.002804", null, new Applicant("Nguyễn Văn An", "020090001234", "0912 345 678", DemoAccounts.Citizen,
                "Số 12 đường Bà Triệu, phường Lương Văn Tri, tỉnh Lạng Sơn"), citizen, SubmissionChannel.Online,
                """{"licenceNumber":"200123456789","licenceClass":"B","deliverByPost":true}"""),
            DossierIntake.Citizen(citizen)).ConfigureAwait(false);
        return dossier.Id;
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<global::Program> host, string email)
    {
        var client = host.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoAccounts.Password }).ConfigureAwait(false);
        login.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).GetProperty("accessToken").GetString());
        return client;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
