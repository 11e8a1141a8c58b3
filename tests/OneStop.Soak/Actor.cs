using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Soak;

/// <summary>A signed-in user of the API (citizen's app or e-office client): a bearer token from /api/v1/auth/login, renewed when refused.</summary>
internal sealed partial class Actor(string email, Proxy proxy, string password = Actor.DemoPassword)
{
    public const string DemoPassword = "Demo@2026";
    private string? _token;

    public string Email => email;
    public string? Token => _token;
    public Proxy Proxy => proxy;

    public async Task SignInAsync()
    {
        var reply = await proxy.SendAsync("login", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email, password }),
        });
        if (!reply.Ok)
        {
            throw new SoakFailure($"sign-in answered {(int)reply.Status}");
        }

        _token = JsonDocument.Parse(reply.Body).RootElement.GetProperty("accessToken").GetString();
    }

    /// <summary>
    /// A new citizen's first steps: registers through the API, waits for the confirmation e-mail the app sends (the hosts' mail pickup
    /// folder), opens its link as the citizen would, then signs in.
    /// </summary>
    public async Task RegisterAsync(string mailDir, Random random)
    {
        var idNumber = "0" + string.Concat(Enumerable.Range(0, 11).Select(_ => (char)('0' + random.Next(10))));
        var phone = "09" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('0' + random.Next(10))));
        var registered = await proxy.SendAsync("register", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = JsonContent.Create(new
            {
                email, password, fullName = "Công dân Thử Tải " + random.Next(1000, 9999), idNumber, phone,
                address = "Số 1 đường Trần Phú, phường Đông Kinh, tỉnh Lạng Sơn",
            }),
        });
        if (registered.Status != HttpStatusCode.Accepted)
        {
            throw new SoakFailure($"register answered {(int)registered.Status}");
        }

        var link = await ConfirmationLinkAsync(mailDir) ?? throw new SoakFailure("no confirmation e-mail reached a new citizen within 90 s");
        var confirmed = await proxy.SendAsync("confirm e-mail", () => new HttpRequestMessage(HttpMethod.Get, new Uri(link).PathAndQuery));
        // A retried GET after a lost answer may meet an address the first attempt already confirmed; signing in then tells.
        if (!confirmed.Ok || (!confirmed.Uncertain && !confirmed.Body.Contains("email-confirmed", StringComparison.Ordinal)))
        {
            throw new SoakFailure($"the confirmation link answered {(int)confirmed.Status} without confirming");
        }

        await SignInAsync();
    }

    private async Task<string?> ConfirmationLinkAsync(string mailDir)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            foreach (var file in Directory.Exists(mailDir) ? Directory.EnumerateFiles(mailDir, "*.eml", SearchOption.AllDirectories) : [])
            {
                MimeKit.MimeMessage message;
                try
                {
                    message = await MimeKit.MimeMessage.LoadAsync(file);
                }
                catch (Exception e) when (e is IOException or FormatException)
                {
                    continue; // still being written
                }

                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase))
                    && LinkPattern().Matches(message.HtmlBody ?? string.Empty).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
                        .FirstOrDefault(l => l.Contains("ConfirmEmail", StringComparison.Ordinal)) is { } link)
                {
                    return link;
                }
            }

            await Task.Delay(500);
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex LinkPattern();

    /// <summary>Sends as this user; a 401 (token expired) signs in again and sends once more.</summary>
    public async Task<Reply> SendAsync(string operation, Func<HttpRequestMessage> build)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = await proxy.SendAsync(operation, () =>
            {
                var request = build();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                return request;
            });
            if (reply.Status != HttpStatusCode.Unauthorized || attempt > 0)
            {
                return reply;
            }

            await SignInAsync();
        }
    }

    public Task<Reply> GetAsync(string operation, string path) => SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Get, path));

    public Task<Reply> PostJsonAsync(string operation, string path, object? body, Action<HttpRequestMessage>? headers = null) =>
        SendAsync(operation, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
            headers?.Invoke(request);
            return request;
        });
}
