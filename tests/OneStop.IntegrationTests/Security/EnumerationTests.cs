using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>Sign-in, registration, password reset and confirmation answer the same for known, unknown, unconfirmed and inactive accounts.</summary>
public sealed class EnumerationTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string Unconfirmed = "chua.xac.nhan@example.vn";

    [Fact]
    public async Task Sign_in_says_the_same_for_an_unknown_account_a_wrong_password_and_an_unconfirmed_account()
    {
        await RegisterAsync(Unconfirmed);
        string[] accounts = ["khong.ton.tai@example.vn", DemoAccounts.Citizen, Unconfirmed];

        var pages = new List<(HttpStatusCode, string)>();
        var apis = new List<(HttpStatusCode, string?)>();
        foreach (var email in accounts)
        {
            var page = await app.CreateClient().SignInAsync(email, "sai-mat-khau9");
            pages.Add((page.StatusCode, Errors(await page.Content.ReadAsStringAsync())));
            var api = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "sai-mat-khau9" });
            apis.Add((api.StatusCode, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()));
        }

        Assert.Single(pages.Distinct());
        Assert.Equal((HttpStatusCode.OK, "E-mail hoặc mật khẩu không đúng."), pages[0]);
        Assert.Single(apis.Distinct());
        Assert.Equal(HttpStatusCode.Unauthorized, apis[0].Item1);
    }

    [Fact]
    public async Task Registration_answers_the_same_for_a_new_and_an_existing_address_on_the_page_and_the_api()
    {
        var page = app.CreateClient(new() { AllowAutoRedirect = false });
        var fresh = await page.PostFormAsync("/Account/Register", Form("moi.dang.ky@example.vn"));
        var existing = await page.PostFormAsync("/Account/Register", Form(DemoAccounts.Citizen));
        Assert.Equal((HttpStatusCode.Redirect, "/Account/RegisterConfirmation?email=moi.dang.ky@example.vn"), (fresh.StatusCode, fresh.Headers.Location!.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/Account/RegisterConfirmation?email=nguyen.van.an@demo.onestop.vn"), (existing.StatusCode, existing.Headers.Location!.OriginalString));

        var api = app.CreateClient();
        var apiFresh = await api.PostAsJsonAsync("/api/v1/auth/register", Body("api.moi@example.vn"));
        var apiExisting = await api.PostAsJsonAsync("/api/v1/auth/register", Body(DemoAccounts.Citizen));
        Assert.Equal(HttpStatusCode.Accepted, apiFresh.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, apiExisting.StatusCode);
        Assert.Equal(Message(await apiFresh.Content.ReadFromJsonAsync<JsonElement>()), Message(await apiExisting.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Contains(await app.Mailbox.MessagesToAsync(DemoAccounts.Citizen), m => (m.Subject ?? string.Empty).Contains("đã có tài khoản", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resending_the_confirmation_answers_the_same_for_everyone_and_mails_only_an_unconfirmed_account()
    {
        const string pending = "cho.xac.nhan@example.vn";
        await RegisterAsync(pending);
        var before = (await app.Mailbox.MessagesToAsync(pending)).Count;

        var answers = new List<string>();
        foreach (var email in (string[])["khong.co@example.vn", DemoAccounts.Citizen, pending])
        {
            var response = await app.CreateClient().PostFormAsync("/Account/ResendConfirmation", new Dictionary<string, string> { ["Email"] = email });
            answers.Add(Status(await response.Content.ReadAsStringAsync()));
            var api = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/resend-confirmation", new { email });
            Assert.Equal(HttpStatusCode.Accepted, api.StatusCode);
        }

        Assert.Single(answers.Distinct());
        await app.AccountMailsSentAsync();
        Assert.Equal(before + 2, (await app.Mailbox.MessagesToAsync(pending)).Count);
        Assert.DoesNotContain(await app.Mailbox.MessagesToAsync(DemoAccounts.Citizen), m => (m.Subject ?? string.Empty).StartsWith("Xác nhận", StringComparison.Ordinal));
    }

    private async Task RegisterAsync(string email)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", Body(email));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static object Body(string email) =>
        new { email, password = "matkhau123", fullName = "Phạm Thị Hoa", idNumber = "020099001133", phone = "0977111333" };

    private static Dictionary<string, string> Form(string email) => new()
    {
        ["FullName"] = "Phạm Thị Hoa", ["IdNumber"] = "020099001133", ["Phone"] = "0977111333", ["Email"] = email, ["Password"] = "matkhau123",
    };

    private static string? Message(JsonElement body) => body.GetProperty("message").GetString();

    private static string Errors(string html)
    {
        const string marker = "data-testid=\"errors\">";
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        return start < 0 ? string.Empty : WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(
            html[(start + marker.Length)..html.IndexOf("</div>", start, StringComparison.Ordinal)], "<[^>]+>", string.Empty)).Trim();
    }

    private static string Status(string html)
    {
        var start = html.IndexOf("role=\"status\"", StringComparison.Ordinal);
        return start < 0 ? html : html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }
}
