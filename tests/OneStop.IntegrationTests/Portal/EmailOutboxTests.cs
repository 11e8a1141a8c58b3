using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStop.Core.Notifications;
using OneStop.Infrastructure.Email;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

/// <summary>What the e-mail outbox does with mails that cannot go, and with mails long sent.</summary>
public sealed class EmailOutboxTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private sealed class RefusingSender(Exception error) : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => throw error;

        public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default) => throw error;

        public Task ProbeAsync(CancellationToken cancellationToken = default) => throw error;
    }

    [Fact]
    public async Task A_mailbox_the_server_refuses_for_good_is_set_aside_at_once_a_relay_that_is_down_is_retried()
    {
        var refused = await QueueAsync("khong-ton-tai@langson.gov.vn");
        var busy = await QueueAsync("ban@langson.gov.vn");

        await DispatchWithAsync(refused, new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "550 5.1.1 No such user"));
        await DispatchWithAsync(busy, new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, "421 Try again later"));

        await using var db = app.Database.CreateContext();
        var first = await db.EmailOutbox.SingleAsync(m => m.Id == refused);
        Assert.NotNull(first.FailedAt);
        Assert.Contains("No such user", first.LastError, StringComparison.Ordinal);
        var second = await db.EmailOutbox.SingleAsync(m => m.Id == busy);
        Assert.Null(second.FailedAt);
        Assert.True(second.AvailableAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task After_the_last_allowed_attempt_a_mail_is_set_aside_with_its_last_error()
    {
        var id = await QueueAsync("cham@langson.gov.vn");
        await using (var db = app.Database.CreateContext())
        {
            await db.EmailOutbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 29));
        }

        await DispatchWithAsync(id, new IOException("Connection refused"));

        await using var check = app.Database.CreateContext();
        var mail = await check.EmailOutbox.SingleAsync(m => m.Id == id);
        Assert.Equal(30, mail.Attempts);
        Assert.NotNull(mail.FailedAt);
        Assert.Equal("Connection refused", mail.LastError);
    }

    [Fact]
    public async Task Mails_sent_longer_ago_than_kept_are_deleted_and_the_rest_stay()
    {
        var old = await QueueAsync("cu@langson.gov.vn");
        var recent = await QueueAsync("moi@langson.gov.vn");
        var pending = await QueueAsync("cho@langson.gov.vn");
        await using (var db = app.Database.CreateContext())
        {
            await db.EmailOutbox.Where(m => m.Id == old).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTimeOffset.UtcNow.AddDays(-91)));
            await db.EmailOutbox.Where(m => m.Id == recent).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTimeOffset.UtcNow.AddDays(-89)));
            await db.EmailOutbox.Where(m => m.Id == pending).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTimeOffset.UtcNow.AddDays(-200)));
        }

        await using (var db = app.Database.CreateContext())
        {
            var dispatcher = new EmailOutboxDispatcher(db, new RefusingSender(new IOException("unused")), TimeProvider.System, Options.Create(new EmailOptions()),
                NullLogger<EmailOutboxDispatcher>.Instance);
            Assert.Equal(1, await dispatcher.PurgeSentAsync());
        }

        await using var check = app.Database.CreateContext();
        Assert.Equal([recent, pending], await check.EmailOutbox.Where(m => m.Id == old || m.Id == recent || m.Id == pending).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
    }

    [Fact]
    public async Task A_long_key_is_queued_once_and_a_long_subject_is_cut_not_refused()
    {
        var key = "test:" + new string('k', 300);
        var subject = "Hồ sơ thử: " + new string('x', 700);
        await using (var db = app.Database.CreateContext())
        {
            var outbox = new EmailOutbox(db, TimeProvider.System);
            Assert.True(await outbox.EnqueueAsync(key, "dai@langson.gov.vn", subject, "<p>Thử</p>", null, null, CancellationToken.None));
            await db.SaveChangesAsync();
            // Out of the other tests' way: they each send the one due mail of theirs.
            await db.EmailOutbox.Where(m => m.Key.StartsWith("test:kkk")).ExecuteUpdateAsync(u => u.SetProperty(m => m.AvailableAt, DateTimeOffset.UtcNow.AddYears(1)));
        }

        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await new EmailOutbox(db, TimeProvider.System).EnqueueAsync(key, "dai@langson.gov.vn", subject, "<p>Thử</p>", null, null,
                CancellationToken.None));
        }

        await using var check = app.Database.CreateContext();
        var storedKey = key[..EmailOutbox.MaxKeyLength];
        var stored = await check.EmailOutbox.SingleAsync(m => m.Key == storedKey);
        Assert.Equal(EmailOutbox.MaxSubjectLength, stored.Subject.Length);
        Assert.EndsWith("…", stored.Subject, StringComparison.Ordinal);
    }

    private async Task<long> QueueAsync(string to)
    {
        await using var db = app.Database.CreateContext();
        var mail = new OutgoingEmail
        {
            Key = "test:" + Guid.NewGuid().ToString("N"), To = to, Subject = "Hồ sơ thử", HtmlBody = "<p>Thử</p>", CreatedAt = DateTimeOffset.UtcNow,
            AvailableAt = DateTimeOffset.UtcNow.AddYears(1),   // made due by DispatchWithAsync, so each test sends only its own
        };
        db.EmailOutbox.Add(mail);
        await db.SaveChangesAsync();
        return mail.Id;
    }

    private async Task DispatchWithAsync(long id, Exception error)
    {
        await using var db = app.Database.CreateContext();
        await db.EmailOutbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var dispatcher = new EmailOutboxDispatcher(db, new RefusingSender(error), TimeProvider.System, Options.Create(new EmailOptions()),
            NullLogger<EmailOutboxDispatcher>.Instance);
        await dispatcher.DispatchAsync(1);
    }
}
