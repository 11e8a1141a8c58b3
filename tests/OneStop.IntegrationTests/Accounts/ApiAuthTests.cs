using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Accounts;

public sealed class ApiAuthTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task A_bearer_token_from_login_identifies_the_same_user_as_the_pages()
    {
        var client = app.CreateClient();

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.ReceptionSgtvt, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var accessToken = token.RootElement.GetProperty("accessToken").GetString();
        var refreshToken = token.RootElement.GetProperty("refreshToken").GetString();

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var profile = await client.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        using var json = JsonDocument.Parse(await profile.Content.ReadAsStringAsync());
        Assert.Equal(DemoAccounts.ReceptionSgtvt, json.RootElement.GetProperty("email").GetString());
        Assert.Contains("Reception", json.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task Wrong_credentials_get_a_Vietnamese_problem_details_401()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Citizen, password = "sai" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("E-mail hoặc mật khẩu không đúng.", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_api_answers_401_not_a_login_redirect_without_a_token()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var response = await app.CreateClient().PostAsync("/api/v1/auth/login", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Registration_through_the_api_validates_each_field()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = "api@example.vn", password = "matkhau123", fullName = "", idNumber = "12", phone = "12", address = (string?)null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("FullName", out _));
        Assert.True(errors.TryGetProperty("IdNumber", out _));
        Assert.True(errors.TryGetProperty("Phone", out _));
    }

    [Fact]
    public async Task Registration_through_the_api_creates_a_citizen_who_must_confirm_the_email()
    {
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "api.citizen@example.vn", password = "matkhau123", fullName = "Lương Văn Tùng", idNumber = "020099001122", phone = "0977111222" });
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "api.citizen@example.vn", password = "matkhau123" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("chưa xác nhận e-mail", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("http", await app.Mailbox.WaitForLinkAsync("api.citizen@example.vn", "ConfirmEmail"), StringComparison.Ordinal);
    }
}
