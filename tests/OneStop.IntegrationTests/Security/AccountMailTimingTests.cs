using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Identity;
using OneStop.Core.Notifications;
using OneStop.Infrastructure.Identity;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>The mail server holds every mail until the test lets it through, and keeps what it was given.</summary>
public sealed class HeldMailAppFactory : OneStopAppFactory
{
    private TaskCompletionSource _open = Opened();
    private int _probes;

    /// <summary>Sessions opened and closed without a message.</summary>
    public int Probes => Volatile.Read(ref _probes);

    public ConcurrentQueue<(string To, string Subject)> Taken { get; } = new();

    public TaskCompletionSource Waiting { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Hold()
    {
        _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => _open.TrySetResult();

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IEmailSender>(new HeldRelay(this)));
    }

    private sealed class HeldRelay(HeldMailAppFactory owner) : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
            SendAsync(message.To, message.Subject, message.HtmlBody, cancellationToken);

        public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
        {
            owner.Waiting.TrySetResult();
            await owner._open.Task.WaitAsync(cancellationToken);
            owner.Taken.Enqueue((to, subject));
        }

        // A session without a message: held like a send, nothing taken.
        public async Task ProbeAsync(CancellationToken cancellationToken = default)
        {
            owner.Waiting.TrySetResult();
            await owner._open.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref owner._probes);
        }
    }
}

/// <summary>
/// A password reset and a resent confirmation answer before their mail is handed to the mail server: when the answer waited for the
/// server only for an address with an account, its time told a stranger that the account exists (the server's round trips against
/// nothing). The mail still goes out after the answer.
/// </summary>
public sealed class AccountMailTimingTests(HeldMailAppFactory app) : IClassFixture<HeldMailAppFactory>
{
    // Bounds a wait that would otherwise hang for good if the answer waited for the held mail: a failure, not a measurement.
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_password_reset_answers_while_the_mail_server_still_holds_the_mail()
    {
        app.Hold();
        var known = await app.CreateClient().PostFormAsync("/Account/ForgotPassword",
            new Dictionary<string, string> { ["Email"] = DemoAccounts.LeaderSgtvt }).WaitAsync(Hang);
        var unknown = await app.CreateClient().PostFormAsync("/Account/ForgotPassword",
            new Dictionary<string, string> { ["Email"] = "khong.co.tai.khoan@example.vn" }).WaitAsync(Hang);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (known.StatusCode, unknown.StatusCode));
        Assert.Contains("Nếu e-mail này đã đăng ký", await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Nếu e-mail này đã đăng ký", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.Waiting.Task.WaitAsync(Hang);
        Assert.DoesNotContain(app.Taken, m => m.To == DemoAccounts.LeaderSgtvt);

        app.Release();
        await app.AccountMailsSentAsync();
        Assert.Contains(app.Taken, m => m.To == DemoAccounts.LeaderSgtvt && m.Subject.StartsWith("Đặt lại mật khẩu", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Taken, m => m.To == "khong.co.tai.khoan@example.vn");
    }

    [Fact]
    public async Task Registering_a_deactivated_address_waits_for_the_mail_server_as_a_new_registration_does()
    {
        const string deactivated = "da.khoa.giu.thu@example.vn";
        await CreateCitizenAsync(deactivated, "Vũ Văn Khóa");

        await using (var db = app.Database.CreateContext())
        {
            await db.Users.Where(u => u.Email == deactivated).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        app.Hold();
        var probes = app.Probes;
        var answer = app.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = deactivated, password = "matkhau123", fullName = "Vũ Văn Khóa", idNumber = "020099002211", phone = "0977222311" });

        // The answer is held by the mail server like a new registration's (no mail is written to a deactivated account).
        await app.Waiting.Task.WaitAsync(Hang);
        Assert.False(answer.IsCompleted);
        app.Release();
        var response = await answer.WaitAsync(Hang);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(probes + 1, app.Probes);
        Assert.DoesNotContain(app.Taken, m => m.To == deactivated);
    }

    [Fact]
    public async Task A_resent_confirmation_answers_while_the_mail_server_still_holds_the_mail()
    {
        const string pending = "cho.xac.nhan.giu.thu@example.vn";
        await CreateCitizenAsync(pending, "Đỗ Thị Chờ");

        app.Hold();
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/resend-confirmation", new { email = pending }).WaitAsync(Hang);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await app.Waiting.Task.WaitAsync(Hang);
        Assert.DoesNotContain(app.Taken, m => m.To == pending);

        app.Release();
        await app.AccountMailsSentAsync();
        Assert.Contains(app.Taken, m => m.To == pending && m.Subject.StartsWith("Xác nhận", StringComparison.Ordinal));
    }

    // An unconfirmed citizen account, as registration makes it.
    private async Task CreateCitizenAsync(string email, string fullName)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserProvisioner>()
            .CreateAsync(new NewUser(email, fullName, Roles.Citizen, Password: "matkhau123"));
    }
}
