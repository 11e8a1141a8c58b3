using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Testing;

/// <summary>API clients signed in with a bearer token from /api/v1/auth/login, as a mobile app would be.</summary>
public static class BearerClients
{
    public static async Task<HttpClient> CreateBearerClientAsync(this OneStopAppFactory app, string email, string password = DemoAccounts.Password)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
