using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OneStop.Soak;

/// <summary>The faults of a --faults run: SIGKILL of a random host and its restart, one PostgreSQL fast restart, a slow uploader, a hostile burst.</summary>
internal sealed class Faults(Installation installation, SoakOptions options, Metrics metrics, Random random)
{
    public int KillsSurvived { get; private set; }
    public bool PostgresRestarted { get; private set; }
    public int HostileSent { get; private set; }
    public List<string> HostileFailures { get; } = [];

    public async Task KillLoopAsync(CancellationToken stop)
    {
        var kills = 0;
        while (!stop.IsCancellationRequested && (options.MaxKills is not { } max || kills < max))
        {
            // "Every ~60 s": the period with some jitter, so a kill lands at any point of a request.
            var wait = TimeSpan.FromSeconds(options.KillEverySeconds * (0.8 + 0.4 * random.NextDouble()));
            try
            {
                await Task.Delay(wait, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var host = installation.Hosts[random.Next(installation.Hosts.Count)];
            var window = metrics.OpenWindow($"kill -9 of host {host.Number}");
            Console.WriteLine($"  fault: kill -9 host {host.Number}");
            host.Kill();
            kills++;
            await host.StartAsync(installation.LogDir);
            metrics.CloseWindow(window);
            KillsSurvived++;
            Console.WriteLine($"  fault: host {host.Number} is back");
        }
    }

    public async Task PostgresRestartAsync(TimeSpan after, CancellationToken stop)
    {
        try
        {
            await Task.Delay(after, stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var window = metrics.OpenWindow("pg_ctl restart -m fast");
        Console.WriteLine("  fault: pg_ctl restart -m fast");
        PostgresRestarted = await installation.RestartPostgresAsync();
        metrics.CloseWindow(window);
        Console.WriteLine(PostgresRestarted ? "  fault: PostgreSQL is back" : "  fault: PostgreSQL did not restart");
        if (!PostgresRestarted)
        {
            metrics.Unexpect("pg_ctl restart failed");
        }
    }

    /// <summary>A citizen on a bad line: an attachment sent at ~4 KB/s, then submitted — it must be stored whole, as a fast one.</summary>
    public async Task SlowUploadAsync(Citizen citizen, CancellationToken stop)
    {
        var key = Guid.NewGuid().ToString("N");
        if (await citizen.DraftAsync(key) is not { } id)
        {
            return;
        }

        var files = new List<AckedFile>();
        foreach (var document in new[] { "DON", "GKSK", "GPLX" })
        {
            var content = SamplePdf.Make(random, document + " slow", document == "DON" ? 60_000 : 3_000);
            var file = await citizen.AttachAsync(id, document, content, document == "DON" ? bytes => new SlowContent(bytes, 2048, 500) : null);
            if (file is null)
            {
                return;
            }

            files.Add(file);
        }

        if (await citizen.SubmitAsync(id, key, files) is { } code)
        {
            Console.WriteLine($"  fault: slow upload submitted as {code}");
        }
    }

    /// <summary>Requests no honest app sends; each must get a 4xx (or the connection closed for an oversized body), never a 5xx.</summary>
    public async Task HostileBurstAsync(Actor citizen, Actor official, Guid someDossier)
    {
        Console.WriteLine("  fault: hostile burst");
        var window = DateTime.UtcNow;
        var requests = new List<(string What, Func<HttpRequestMessage> Build)>
        {
            ("malformed JSON draft", () => Json(HttpMethod.Post, "/api/v1/dossiers", "{\"procedureCode\": \"1.002804\", \"formData\": {", citizen)),
            ("JSON array draft", () => Json(HttpMethod.Post, "/api/v1/dossiers", "[1,2,3]", citizen)),
            ("wrong types draft", () => Json(HttpMethod.Post, "/api/v1/dossiers", "{\"procedureCode\": 12, \"formData\": \"x\"}", citizen)),
            ("malformed JSON login", () => Json(HttpMethod.Post, "/api/v1/auth/login", "{\"email\": ", null)),
            ("unknown account login", () => Json(HttpMethod.Post, "/api/v1/auth/login", "{\"email\":\"khong.co@vi-du.vn\",\"password\":\"sai-mat-khau\"}", null)),
            ("malformed JSON action", () => Action(official, someDossier, "{\"comment\": [")),
            ("malformed JSON apology", () => Json(HttpMethod.Post, $"/api/v1/workspace/dossiers/{someDossier}/apology", "{\"newDate\": \"hôm qua\"}", official)),
            ("wrong token", () => Bearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/dossiers"), "khong-phai-token")),
            ("wrong token workspace", () => Bearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/workspace/inbox"), new string('A', 400))),
            ("citizen token on workspace", () => Bearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/workspace/inbox"), citizen)),
            ("broken multipart", () => Broken(citizen, someDossier)),
            ("not a PDF", () => Attachment(citizen, someDossier, Encoding.UTF8.GetBytes("MZ\u0090 not a pdf at all"))),
            ("oversized attachment", () => Attachment(citizen, someDossier, new byte[13 * 1024 * 1024])),
            ("oversized JSON", () => Json(HttpMethod.Post, "/api/v1/dossiers", "{\"procedureCode\":\"" + new string('x', 40 * 1024 * 1024) + "\"}", citizen)),
            ("bad guid", () => Bearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/dossiers/not-a-guid"), citizen)),
            ("bad callback", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/callback?paymentId=x&signature=y")),
        };
        foreach (var round in Enumerable.Range(0, 3))
        {
            foreach (var (what, build) in requests)
            {
                var host = citizen.Proxy.NextHost();
                using var request = build();
                request.RequestUri = new Uri(host.BaseAddress, request.RequestUri!.OriginalString);
                HostileSent++;
                try
                {
                    using var response = await citizen.Proxy.Client.SendAsync(request);
                    // A 5xx while a host or the database is down is the fault's; hostile input itself must never cause one.
                    if ((int)response.StatusCode >= 500 && !metrics.InWindow(DateTime.UtcNow) || response.IsSuccessStatusCode)
                    {
                        HostileFailures.Add($"{what}: {(int)response.StatusCode} on host {host.Number}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                {
                    // Kestrel may close the connection on a body over its limit: a refusal, not a failure.
                }
            }

            _ = round;
        }

        Console.WriteLine($"  fault: hostile burst sent {HostileSent}, {HostileFailures.Count} wrong answers ({(DateTime.UtcNow - window).TotalSeconds:0} s)");
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string json, Actor? actor) =>
        Bearer(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, actor);

    private static HttpRequestMessage Action(Actor official, Guid dossier, string json)
    {
        var request = Json(HttpMethod.Post, $"/api/v1/workspace/dossiers/{dossier}/tasks/{Guid.NewGuid()}/actions/accept", json, official);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        return request;
    }

    private static HttpRequestMessage Broken(Actor citizen, Guid dossier)
    {
        var content = new StringContent("--abc\r\nContent-Disposition: form-data; name=\"documentCode\"\r\n\r\nDON\r\n--abc\r\nContent-Disp");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");
        return Bearer(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{dossier}/attachments") { Content = content }, citizen);
    }

    private static HttpRequestMessage Attachment(Actor citizen, Guid dossier, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return Bearer(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{dossier}/attachments")
        {
            Content = new MultipartFormDataContent { { new StringContent("DON"), "documentCode" }, { file, "file", "x.pdf" } },
        }, citizen);
    }

    private static HttpRequestMessage Bearer(HttpRequestMessage request, Actor? actor) => Bearer(request, actor?.Token);

    private static HttpRequestMessage Bearer(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>A body written a few KB at a time with pauses: a phone on a weak signal.</summary>
    private sealed class SlowContent(byte[] content, int chunk, int pauseMilliseconds) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < content.Length; offset += chunk)
            {
                await stream.WriteAsync(content.AsMemory(offset, Math.Min(chunk, content.Length - offset)));
                await stream.FlushAsync();
                await Task.Delay(pauseMilliseconds);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = content.Length;
            return true;
        }
    }
}
