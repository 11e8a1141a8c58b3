using System.Net;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

public sealed class HostTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Health_reports_healthy_including_the_database()
    {
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database");
    }

    [Fact]
    public async Task OpenApi_document_describes_the_v1_api()
    {
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        using var json = JsonDocument.Parse(document);
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
        Assert.Contains("Dịch vụ công trực tuyến", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_Vietnamese_unescaped_and_carry_security_headers()
    {
        var response = await app.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ủy ban nhân dân tỉnh Lạng Sơn", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task English_is_available()
    {
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/?culture=en-US");

        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Sign in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_pages_and_api_routes_get_a_Vietnamese_page_or_problem_details()
    {
        var client = app.CreateClient();

        var page = await client.GetAsync("/khong-ton-tai");
        var api = await client.GetAsync("/api/v1/khong-ton-tai");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Không tìm thấy trang", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_request_refused_by_a_rule_gets_its_status_and_the_rule_not_a_server_failure()
    {
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/thu-tuc?field=a%00b");
        request.Headers.Accept.ParseAdd("text/html");

        var page = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Yêu cầu không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains(OneStop.Infrastructure.Data.InvalidCharactersException.Explanation, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hệ thống gặp sự cố", html, StringComparison.Ordinal);
        // The person's input, not a failure: no error-level log line for it.
        Assert.DoesNotContain(nameof(OneStop.Infrastructure.Data.InvalidCharactersException), app.ServerErrors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_protection_keys_are_stored_in_PostgreSQL()
    {
        await app.CreateClient().GetAsync("/Account/Login"); // the antiforgery token needs a key

        await using var db = app.Database.CreateContext();
        Assert.NotEmpty(db.DataProtectionKeys);
    }
}
