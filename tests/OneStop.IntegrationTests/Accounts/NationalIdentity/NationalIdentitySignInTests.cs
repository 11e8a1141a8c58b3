using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Identity;
using OneStop.Testing;
using OneStop.Web.Features.Accounts;

namespace OneStop.IntegrationTests.Accounts.NationalIdentity;

/// <summary>
/// Citizens sign in through a real OpenID Connect server (OpenIddict, <see cref="TestIdentityProvider"/>): the browser's redirects are
/// followed one by one over sockets, the app redeems the code on the back channel, and what is bound is read from the database.
/// </summary>
public sealed class NationalIdentitySignInTests(NationalIdentityApp app) : IClassFixture<NationalIdentityApp>
{
    private const string Scheme = NationalIdentityOptions.Scheme;

    [Fact]
    public async Task The_first_sign_in_with_a_verified_email_creates_a_citizen_bound_to_the_identity_number_and_the_second_finds_it()
    {
        var person = new ProviderPerson("vneid-sub-0001", "091203000111", "Lê Thị Hồng Nhung", "nhung.le@vneid.test", EmailVerified: true);

        var first = await SignInAsync(person);

        Assert.Equal("/", first.Headers.Location?.OriginalString);
        var user = await UserAsync(person.Email);
        Assert.Equal(person.IdentityNumber, user.IdNumber);
        Assert.Equal(person.FullName, user.FullName);
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        Assert.Equal([Roles.Citizen], await RolesAsync(user));
        Assert.Equal([person.Subject], await LoginsAsync(user));

        using var browser = app.NewBrowser();
        var second = await SignInAsync(person, browser);
        Assert.Equal("/", second.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Manage/Index")).StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.IdNumber == person.IdentityNumber));
    }

    [Fact]
    public async Task The_app_asks_for_the_code_with_PKCE_and_the_callback_on_the_configured_public_address()
    {
        var person = new ProviderPerson("vneid-sub-0002", "091203000222", "Phạm Minh Tuấn", "tuan.pham@vneid.test", EmailVerified: true);

        await SignInAsync(person);

        var authorize = app.Provider.Requests.Last(r => r.Endpoint == "authorize");
        Assert.Equal(TestIdentityProvider.ClientId, authorize.ClientId);
        Assert.Equal("S256", authorize.CodeChallengeMethod);
        Assert.Equal(43, authorize.CodeChallenge?.Length);
        Assert.Equal(app.PublicAddress + NationalIdentityApp.CallbackPath.TrimStart('/'), authorize.RedirectUri);
        var token = app.Provider.Requests.Last(r => r.Endpoint == "token");
        Assert.False(string.IsNullOrEmpty(token.CodeVerifier));
    }

    [Fact]
    public async Task No_token_of_the_provider_is_kept_in_a_cookie_and_the_external_cookie_is_gone_after_sign_in()
    {
        var person = new ProviderPerson("vneid-sub-0007", "091203000777", "Ngô Thị Lan", "lan.ngo@vneid.test", EmailVerified: true);
        var cookies = new CookieContainer();
        using var browser = app.NewBrowser(cookies);

        await SignInAsync(person, browser);

        var names = cookies.GetAllCookies().Where(c => !c.Expired).Select(c => c.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("Identity.External", StringComparison.Ordinal) || n.StartsWith(".AspNetCore.Correlation", StringComparison.Ordinal));
        var auth = cookies.GetCookies(app.PublicAddress)["onestop.auth"]?.Value;
        Assert.NotNull(auth);
        var ticket = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat.Unprotect(auth);
        Assert.NotNull(ticket);
        Assert.DoesNotContain(ticket.Properties.Items.Keys, k => k.StartsWith(".Token", StringComparison.Ordinal));
        Assert.DoesNotContain(ticket.Principal.Claims, c => c.Type == TestIdentityProvider.IdentityNumberClaim);
    }

    [Fact]
    public async Task An_existing_citizen_account_with_that_email_is_linked()
    {
        const string email = "hoa.vu@example.vn";
        await CreateAsync(email, Roles.Citizen, idNumber: null);
        var person = new ProviderPerson("vneid-sub-0003", "091203000333", "Vũ Thị Hoa", email, EmailVerified: true);

        var response = await SignInAsync(person);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var user = await UserAsync(email);
        Assert.Equal(person.IdentityNumber, user.IdNumber);
        Assert.Equal([person.Subject], await LoginsAsync(user));
        Assert.NotNull(user.PasswordHash);
    }

    [Fact]
    public async Task An_unconfirmed_account_someone_registered_with_the_address_is_linked_without_its_password()
    {
        const string email = "bi.chiem@example.vn";
        await CreateAsync(email, Roles.Citizen, idNumber: null, emailConfirmed: false);
        var person = new ProviderPerson("vneid-sub-0008", "091203000888", "Trịnh Văn Sơn", email, EmailVerified: true);

        var response = await SignInAsync(person);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var user = await UserAsync(email);
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        Assert.Equal([person.Subject], await LoginsAsync(user));
        using var stranger = app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await stranger.SignInAsync(email, "matkhau123")).StatusCode);
    }

    [Fact]
    public async Task An_identity_number_another_account_holds_through_the_provider_is_refused_with_a_message_and_nothing_is_created()
    {
        var holder = new ProviderPerson("vneid-sub-0040", "091203000444", "Đỗ Văn Khang", "khang.do@vneid.test", EmailVerified: true);
        Assert.Equal("/", (await SignInAsync(holder)).Headers.Location?.OriginalString);
        var person = new ProviderPerson("vneid-sub-0004", "091203000444", "Đỗ Văn Khang", "khang.khac@vneid.test", EmailVerified: true);

        var response = await SignInAsync(person);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(NationalIdentitySignIn.IdentityNumberTaken, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == person.Email));
        Assert.False(await db.UserLogins.AnyAsync(l => l.LoginProvider == Scheme && l.ProviderKey == person.Subject));
    }

    [Fact]
    public async Task A_number_someone_typed_at_a_password_registration_does_not_keep_its_citizen_out()
    {
        // Anyone who has seen a citizen's card can register with a password and type its number: that proves nothing.
        await CreateAsync("ke.mao.danh@example.vn", Roles.Citizen, idNumber: "091203000505");
        var person = new ProviderPerson("vneid-sub-0050", "091203000505", "Tạ Thị Mai", "mai.ta@vneid.test", EmailVerified: true);

        var response = await SignInAsync(person);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var user = await UserAsync(person.Email);
        Assert.Equal(person.IdentityNumber, user.IdNumber);
        Assert.Equal([person.Subject], await LoginsAsync(user));
        Assert.Empty(await LoginsAsync(await UserAsync("ke.mao.danh@example.vn")));
    }

    [Fact]
    public async Task Without_a_verified_email_the_person_confirms_an_address_by_mail_and_is_then_bound_and_signed_in()
    {
        var person = new ProviderPerson("vneid-sub-0005", "091203000555", "Hoàng Văn Bình", "binh.hoang@vneid.test", EmailVerified: false);
        const string chosen = "binh.hoang@example.vn";
        using var browser = app.NewBrowser();

        var asked = await SignInAsync(person, browser);
        var form = await asked.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Email\"", form, StringComparison.Ordinal);
        var sent = await browser.PostFormAsync("/Account/ExternalLogin?handler=Email", new Dictionary<string, string> { ["Email"] = chosen }, form);
        Assert.Contains("data-testid=\"external-email-sent\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == chosen), "nothing is created before the address is confirmed");
        }

        var link = await app.Mailbox.WaitForLinkAsync(chosen, "ConfirmExternalLogin");
        Assert.StartsWith(app.PublicAddress.ToString(), link, StringComparison.Ordinal);
        var confirmed = await browser.GetStringAsync(new Uri(link).PathAndQuery);
        Assert.Contains("data-testid=\"external-linked\"", confirmed, StringComparison.Ordinal);

        var user = await UserAsync(chosen);
        Assert.Equal(person.IdentityNumber, user.IdNumber);
        Assert.True(user.EmailConfirmed);
        Assert.Equal([Roles.Citizen], await RolesAsync(user));
        Assert.Equal([person.Subject], await LoginsAsync(user));

        var again = await SignInAsync(person);
        Assert.Equal("/", again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_official_cannot_sign_in_through_the_provider_even_with_a_verified_email()
    {
        var person = new ProviderPerson("vneid-sub-0006", "091203000666", "Cán Bộ Một Cửa", DemoAccounts.ReceptionSgtvt, EmailVerified: true);

        var response = await SignInAsync(person);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(NationalIdentitySignIn.OfficialsRefused, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var official = await UserAsync(DemoAccounts.ReceptionSgtvt);
        Assert.Empty(await LoginsAsync(official));
        Assert.NotEqual(person.IdentityNumber, official.IdNumber);
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_with_its_configured_name()
    {
        using var browser = app.NewBrowser();

        var page = await browser.GetStringAsync("/Account/Login");

        Assert.Contains("data-testid=\"national-identity\"", page, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập bằng tài khoản định danh điện tử VNeID", page, StringComparison.Ordinal);
    }

    /// <summary>Presses the button on the sign-in page and follows every redirect (app, provider, callback) to the app's last answer.</summary>
    private async Task<HttpResponseMessage> SignInAsync(ProviderPerson person, HttpClient? browser = null)
    {
        using var own = browser is null ? app.NewBrowser() : null;
        var client = browser ?? own!;
        app.Provider.Next = person;
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostFormAsync("/Account/ExternalLogin", new Dictionary<string, string>(), login);
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found; hops++)
        {
            var location = response.Headers.Location!;
            if (!location.IsAbsoluteUri && location.OriginalString == "/")
            {
                return response;
            }

            response = await client.GetAsync(location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location));
        }

        return response;
    }

    private async Task CreateAsync(string email, string role, string? idNumber, bool emailConfirmed = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserProvisioner>().CreateAsync(
            new NewUser(email, "Người Dùng Thử", role, Password: "matkhau123", IdNumber: idNumber, EmailConfirmed: emailConfirmed));
    }

    private async Task<OneStopUser> UserAsync(string email)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private async Task<List<string>> RolesAsync(OneStopUser user)
    {
        await using var db = app.Database.CreateContext();
        return await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
    }

    private async Task<List<string>> LoginsAsync(OneStopUser user)
    {
        await using var db = app.Database.CreateContext();
        return await db.UserLogins.Where(l => l.UserId == user.Id && l.LoginProvider == Scheme).Select(l => l.ProviderKey).ToListAsync();
    }
}
