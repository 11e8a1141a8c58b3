using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Identity;
using OneStop.Core.Notifications;
using OneStop.Infrastructure.Identity;
using OneStop.Testing;
using Serilog.Core;
using Serilog.Events;

namespace OneStop.IntegrationTests.Security;

/// <summary>The mail server refuses every mail (as a relay that is down answers), quoting the address as real servers do; log events are kept.</summary>
public sealed class MailOutageAppFactory : OneStopAppFactory
{
    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IEmailSender, DownRelay>();
            services.AddSingleton<ILogEventSink>(new KeptLogs(Logs));
        });
    }

    private sealed class DownRelay : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => SendAsync(message.To, "", "", cancellationToken);

        public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default) =>
            throw new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, $"421 4.3.2 Service not available for <{to}>");

        public Task ProbeAsync(CancellationToken cancellationToken = default) =>
            throw new SmtpProtocolException("421 4.3.2 Service not available, closing transmission channel");
    }

    /// <summary>Every event the host's Serilog pipeline gets (before the last-line masking), rendered with its exception.</summary>
    private sealed class KeptLogs(ConcurrentQueue<string> logs) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => logs.Enqueue($"{logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {logEvent.Exception}");
    }
}

/// <summary>
/// With the mail server down, the mails that carry an account link (never queued in the database) give a Vietnamese answer and lose nothing:
/// registration keeps the account and says to ask for the confirmation again later (503 from the API); the password reset answers as always
/// (an answer that differed would tell whether the account exists); the administrator's invitation keeps the official and says to send it
/// again. Never a 500, and the address never reaches a log.
/// </summary>
public sealed class AccountMailOutageTests(MailOutageAppFactory app) : IClassFixture<MailOutageAppFactory>
{
    [Fact]
    public async Task Registration_keeps_the_account_and_asks_to_resend_later_on_the_page_and_the_api()
    {
        const string pageAddress = "dang.ky.luc.loi@example.vn";
        var page = await app.CreateClient().PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["FullName"] = "Phạm Thị Hoa", ["IdNumber"] = "020099001144", ["Phone"] = "0977111344", ["Email"] = pageAddress, ["Password"] = "matkhau123",
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Gửi lại thư xác nhận", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        const string apiAddress = "api.luc.loi@example.vn";
        var api = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = apiAddress, password = "matkhau123", fullName = "Phạm Thị Hoa", idNumber = "020099001155", phone = "0977111355" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("mail.unavailable", problem.GetProperty("code").GetString());

        // The same answer for an address that has an account already (its "already registered" mail failed too).
        var existing = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = DemoAccounts.Citizen, password = "matkhau123", fullName = "Phạm Thị Hoa", idNumber = "020099001166", phone = "0977111366" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, existing.StatusCode);
        Assert.Equal(problem.GetProperty("detail").GetString(), (await existing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await using var db = app.Database.CreateContext();
        Assert.True(await db.Users.AnyAsync(u => u.Email == pageAddress && !u.EmailConfirmed));
        Assert.True(await db.Users.AnyAsync(u => u.Email == apiAddress));
        AssertNoAddressLogged(pageAddress, apiAddress, DemoAccounts.Citizen);
        Assert.Contains(app.Logs, l => l.Contains("\"confirmation\" mail was not taken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registering_a_deactivated_or_much_asked_about_address_answers_as_a_new_one_when_the_server_is_down()
    {
        const string deactivated = "da.nghi.viec@example.vn";
        const string asked = "hoi.nhieu.lan@example.vn";
        using (var scope = app.Services.CreateScope())
        {
            var provisioner = scope.ServiceProvider.GetRequiredService<UserProvisioner>();
            await provisioner.CreateAsync(new NewUser(deactivated, "Lê Văn Nghỉ", Roles.Citizen, Password: "matkhau123"));
            await provisioner.CreateAsync(new NewUser(asked, "Trần Thị Hỏi", Roles.Citizen, Password: "matkhau123"));
        }

        await using (var db = app.Database.CreateContext())
        {
            await db.Users.Where(u => u.Email == deactivated).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        async Task<(System.Net.HttpStatusCode, string?)> Register(string address, string idNumber)
        {
            var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
                new { email = address, password = "matkhau123", fullName = "Phạm Thị Hoa", idNumber, phone = "0977111377" });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, body.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
        }

        var fresh = await Register("moi.tinh.luc.loi@example.vn", "020099001177");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fresh.Item1);
        Assert.Equal(fresh, await Register(deactivated, "020099001188"));

        // Past the address's few "already registered" mails this hour nothing is sent, and the answer is still the server's.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(fresh, await Register(asked, "020099001199"));
        }

        AssertNoAddressLogged(deactivated, asked);
    }

    [Fact]
    public async Task The_password_reset_and_the_resent_confirmation_answer_as_always()
    {
        var known = await app.CreateClient().PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = DemoAccounts.Citizen });
        var unknown = await app.CreateClient().PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "khong.co.ai@example.vn" });
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(Status(await unknown.Content.ReadAsStringAsync()), Status(await known.Content.ReadAsStringAsync()));

        var resend = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/resend-confirmation", new { email = DemoAccounts.Citizen });
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        await app.AccountMailsSentAsync();
        Assert.Contains(app.Logs, l => l.Contains("\"password-reset\" mail was not taken", StringComparison.Ordinal));
        AssertNoAddressLogged(DemoAccounts.Citizen);
    }

    [Fact]
    public async Task An_invitation_keeps_the_official_and_tells_the_administrator_to_send_it_again()
    {
        const string email = "moi.luc.loi@demo.onestop.vn";
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        Guid agency, department;
        await using (var db = app.Database.CreateContext())
        {
            var place = await (from a in db.Agencies
                               join d in db.Departments on a.Id equals d.AgencyId
                               where a.Code == "SXD" && d.Code == "QLXD"
                               select new { Agency = a.Id, Department = d.Id }).SingleAsync();
            (agency, department) = (place.Agency, place.Department);
        }

        var response = await admin.PostFormAsync("/Admin/Officials?handler=Invite", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.FullName"] = "Lý Thị Hoa", ["Input.Role"] = Roles.Specialist,
            ["Input.AgencyId"] = agency.ToString(), ["Input.DepartmentId"] = department.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Gửi lại thư mời", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.True(await db.Users.AnyAsync(u => u.Email == email));
        }

        Assert.Contains(app.Logs, l => l.Contains("\"invitation\" mail was not taken", StringComparison.Ordinal));
    }

    private void AssertNoAddressLogged(params string[] addresses)
    {
        foreach (var address in addresses)
        {
            Assert.DoesNotContain(app.Logs, l => l.Contains(address, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string Status(string html)
    {
        var start = html.IndexOf("role=\"status\"", StringComparison.Ordinal);
        return start < 0 ? html : html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }
}
