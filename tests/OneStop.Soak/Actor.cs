using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Soak;

/// <summary>A signed-in user of the API (citizen's app or e-office client): a bearer token from /api/v1/auth/login, renewed when refused.</summary>
internal sealed class Actor(string email, Proxy proxy)
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
            Content = JsonContent.Create(new { email, password = DemoPassword }),
        });
        if (!reply.Ok)
        {
            throw new SoakFailure($"sign-in of a demo account answered {(int)reply.Status}");
        }

        _token = JsonDocument.Parse(reply.Body).RootElement.GetProperty("accessToken").GetString();
    }

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
