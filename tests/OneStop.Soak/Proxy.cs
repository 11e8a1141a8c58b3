using System.Diagnostics;
using System.Net;

namespace OneStop.Soak;

/// <summary>The outcome of one logical request after its retries: the last response, and whether an earlier attempt may have been applied.</summary>
internal sealed record Reply(HttpStatusCode Status, string Body, HttpResponseMessage Message, bool Uncertain)
{
    public bool Ok => (int)Status is >= 200 and < 300;
}

/// <summary>
/// Spreads requests round-robin over the hosts, as a proxy would, and retries a request that met a connection error or a 5xx on
/// the next host with the very same content and headers (the same Idempotency-Key, the same If-Match). Records latencies and every 5xx.
/// </summary>
internal sealed class Proxy(IReadOnlyList<WebHost> hosts, Metrics metrics)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);
    private int _next;

    public HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromSeconds(20),
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    }) { Timeout = TimeSpan.FromSeconds(60) };

    public WebHost NextHost()
    {
        var count = hosts.Count;
        for (var i = 0; i < count; i++)
        {
            var host = hosts[(int)((uint)Interlocked.Increment(ref _next) % count)];
            if (host.Up)
            {
                return host;
            }
        }

        // All down (a restart in progress): try one anyway, the retry loop waits.
        return hosts[(int)((uint)Interlocked.Increment(ref _next) % count)];
    }

    /// <summary>Sends until an answer below 500 comes back (or the give-up time passes); <paramref name="build"/> makes each attempt's request.</summary>
    public async Task<Reply> SendAsync(string operation, Func<HttpRequestMessage> build, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        var uncertain = false;
        var delay = 200;
        while (true)
        {
            var host = NextHost();
            using var request = build();
            request.RequestUri = new Uri(host.BaseAddress, request.RequestUri!.OriginalString);
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await Client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                watch.Stop();
                if ((int)response.StatusCode < 500)
                {
                    metrics.Latency(watch.Elapsed.TotalMilliseconds);
                    return new Reply(response.StatusCode, body, response, uncertain);
                }

                metrics.ServerError(operation, host.Number, (int)response.StatusCode, Sanitise(body));
                response.Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or IOException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                metrics.ConnectionError();
            }

            uncertain = true;
            if (DateTime.UtcNow - started > GiveUpAfter)
            {
                throw new SoakFailure($"{operation}: no answer below 500 from any host in {GiveUpAfter.TotalSeconds:0} s");
            }

            await Task.Delay(delay, cancellationToken);
            delay = Math.Min(delay * 2, 3000);
        }
    }

    // A problem's type and title only: a 5xx body must not carry personal data into the soak's output.
    private static string Sanitise(string body)
    {
        var type = System.Text.RegularExpressions.Regex.Match(body, "\"type\"\\s*:\\s*\"([^\"]{0,120})\"");
        return type.Success ? type.Groups[1].Value : (body.Length > 80 ? body[..80] : body).ReplaceLineEndings(" ");
    }
}

/// <summary>A soak step that could not go on: counted as an unexpected error.</summary>
internal sealed class SoakFailure(string message) : Exception(message);
