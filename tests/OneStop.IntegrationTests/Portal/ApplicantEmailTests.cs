using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Email;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Portal;

/// <summary>Every change of a dossier reaches its applicant by e-mail too, once, through the e-mail outbox.</summary>
public sealed class ApplicantEmailTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Accept_supplement_request_supplement_and_completion_each_send_the_citizen_one_email_in_Vietnamese_with_a_link()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, code) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        var scenario = new DossierScenario(app.Services);
        await ActAsync(scenario, id, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await ActAsync(scenario, id, "requestSupplement", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT", "Bổ sung giấy khám sức khỏe còn hạn");
        await scenario.DeliverEffectsAsync();
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/resubmit", new { comment = "Đã bổ sung" })).EnsureSuccessStatusCode();
        await scenario.DriveToEndAsync(code, new Dictionary<string, object?> { ["licenceClass"] = "B", ["deliverByPost"] = true });
        await scenario.DeliverEffectsAsync();
        await scenario.DeliverMailAsync();

        var mails = await MailsAboutAsync(DemoAccounts.Citizen, code);
        // In the order the changes happened (the receipt's own mail was written when its effect was delivered, at the end here).
        Assert.Equal(
        [
            $"Hồ sơ {code}: Đã nộp, chờ tiếp nhận",
            $"Hồ sơ {code}: Đang xử lý",
            $"Hồ sơ {code}: Chờ bổ sung",
            $"Hồ sơ {code}: Đang xử lý",
            $"Hồ sơ {code}: Đã trả kết quả",
            // Back at the counter after the supplement, the reception accepts again and issues a new receipt: no status change, its own mail.
            $"Hồ sơ {code}: Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        ], mails.Select(m => m.Subject));

        var accepted = Text(mails[1]);
        Assert.Contains("Kính gửi Nguyễn Văn An", accepted, StringComparison.Ordinal);
        Assert.Contains($"Hồ sơ {code} đã được tiếp nhận và đang được giải quyết.", accepted, StringComparison.Ordinal);
        Assert.Contains("Văn bản được phát hành: Giấy tiếp nhận hồ sơ và hẹn trả kết quả.", accepted, StringComparison.Ordinal);
        Assert.Contains("Hẹn trả kết quả", accepted, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:5000/ho-so/{id}", mails[1].HtmlBody, StringComparison.Ordinal);
        var supplement = Text(mails[2]);
        Assert.Contains("Nội dung cần bổ sung, hoàn thiện: Bổ sung giấy khám sức khỏe còn hạn", supplement, StringComparison.Ordinal);
        Assert.Contains("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", supplement, StringComparison.Ordinal);
        Assert.Contains($"Đã nhận hồ sơ bổ sung của hồ sơ {code}", Text(mails[3]), StringComparison.Ordinal);
        // Completion: the status, the result document and the procedure's own message in one mail, not three.
        var completed = Text(mails[4]);
        Assert.Contains("Văn bản được phát hành: Kết quả giải quyết thủ tục hành chính.", completed, StringComparison.Ordinal);
        Assert.Contains("Giấy phép lái xe đã được cấp đổi và gửi qua bưu chính.", completed, StringComparison.Ordinal);
        Assert.All(mails, m => Assert.StartsWith("onestop-", m.MessageId, StringComparison.Ordinal));

        // The app still shows every notice, the result document's included.
        await using var db = app.Database.CreateContext();
        var userId = await db.Users.Where(u => u.Email == DemoAccounts.Citizen).Select(u => u.Id).SingleAsync();
        var inApp = await db.Notifications.Where(n => n.UserId == userId && n.DossierId == code).Select(n => n.Message).ToListAsync();
        Assert.Contains(inApp, m => m.Contains("đã phát hành Kết quả giải quyết thủ tục hành chính", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_walk_in_applicant_is_mailed_at_the_address_on_the_dossier_with_the_public_look_up_and_one_without_an_address_is_not()
    {
        var scenario = new DossierScenario(app.Services);
        var withMail = await WalkInAsync("tran.thi.binh@example.vn");
        var without = await WalkInAsync(null);
        foreach (var dossier in new[] { withMail, without })
        {
            await ActAsync(scenario, dossier.Id, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
            await ActAsync(scenario, dossier.Id, "requestSupplement", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT", "Thiếu bản sao giấy phép");
        }

        await scenario.DeliverEffectsAsync();
        await scenario.DeliverMailAsync();

        var mails = await MailsAboutAsync("tran.thi.binh@example.vn", withMail.Code!);
        Assert.Equal([$"Hồ sơ {withMail.Code}: Đang xử lý", $"Hồ sơ {withMail.Code}: Chờ bổ sung"], mails.Select(m => m.Subject));
        Assert.Contains($"http://127.0.0.1:5000/tra-cuu?code={withMail.Code}", mails[0].HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/ho-so/", mails[0].HtmlBody, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.EmailOutbox.AnyAsync(m => m.DossierCode == without.Code && m.Key.StartsWith("applicant:")));
        Assert.Empty(await MailsAboutAsync(DemoAccounts.Citizen, without.Code!));
    }

    [Fact]
    public async Task Redelivered_effects_and_a_failed_send_do_not_duplicate_a_mail()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, code) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        var scenario = new DossierScenario(app.Services);
        await scenario.DeliverMailAsync();

        // The SMTP relay is down: the mail stays in the outbox with the reason, nothing is written.
        await using (var broken = app.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
                     {
                         ["Email:Mode"] = "Smtp", ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = "1",
                     }))))
        {
            await ActAsync(new DossierScenario(broken.Services), id, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
            await using var scope = broken.Services.CreateAsyncScope();
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<EmailOutboxDispatcher>().DispatchAsync(100));
        }

        await using (var db = app.Database.CreateContext())
        {
            var pending = await db.EmailOutbox.SingleAsync(m => m.DossierCode == code && m.SentAt == null);
            Assert.Equal(1, pending.Attempts);
            Assert.False(string.IsNullOrEmpty(pending.LastError));
            Assert.True(pending.AvailableAt > pending.CreatedAt);
            // Pretend the back-off has passed.
            await db.EmailOutbox.Where(m => m.Id == pending.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, pending.CreatedAt));
        }

        await scenario.DeliverEffectsAsync();
        await scenario.DeliverMailAsync();
        Assert.Equal(0, await scenario.DeliverMailAsync());
        var before = await MailsAboutAsync(DemoAccounts.Citizen, code);
        int queued;
        await using (var db = app.Database.CreateContext())
        {
            queued = await db.EmailOutbox.CountAsync(m => m.DossierCode == code);
            Assert.Equal(2, await db.EmailOutbox.CountAsync(m => m.DossierCode == code && m.Key.StartsWith("applicant:")));
        }

        Assert.Equal([$"Hồ sơ {code}: Đã nộp, chờ tiếp nhận", $"Hồ sơ {code}: Đang xử lý"], before.Select(m => m.Subject));

        // At-least-once delivery runs the effects again (a host died before marking them), and a mail is sent again after a crash
        // between sending and saving: still one mail per change, and the same file.
        await using (var db = app.Database.CreateContext())
        {
            Assert.True(await db.WorkflowOutbox.Where(o => o.DossierCode == code).ExecuteUpdateAsync(s => s.SetProperty(o => o.DeliveredAt, (DateTimeOffset?)null)) > 0);
            await db.EmailOutbox.Where(m => m.DossierCode == code).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null));
        }

        await scenario.DeliverEffectsAsync();
        await scenario.DeliverMailAsync();
        var after = await MailsAboutAsync(DemoAccounts.Citizen, code);
        Assert.Equal(before.Select(m => m.MessageId), after.Select(m => m.MessageId));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(queued, await db.EmailOutbox.CountAsync(m => m.DossierCode == code));
        }
    }

    private async Task<Dossier> WalkInAsync(string? email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
        var official = await db.Users.Where(u => u.Email == DemoAccounts.ReceptionSgtvt).Select(u => u.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("1.002804", null, new Applicant("Trần Thị Bình", "020090009876", "0987 654 321", email, "Thôn Nà Chuông, xã Mai Pha, tỉnh Lạng Sơn"),
                null, SubmissionChannel.Counter, """{"licenceNumber":"200123456780","licenceClass":"B","deliverByPost":false}"""),
            new WorkflowActor(official.ToString(), "Reception", "SGTVT", "MOTCUA"));
    }

    private async Task ActAsync(DossierScenario scenario, Guid id, string action, string official, string role, string department, string? comment = null)
    {
        await using var db = app.Database.CreateContext();
        await scenario.ActAsync(await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id), action, official, role, department, comment);
    }

    private async Task<IReadOnlyList<MimeMessage>> MailsAboutAsync(string to, string code) =>
        (await app.Mailbox.MessagesToAsync(to)).Where(m => m.Subject?.Contains(code, StringComparison.Ordinal) == true).ToList();

    private static string Text(MimeMessage message) => System.Net.WebUtility.HtmlDecode(
        System.Text.RegularExpressions.Regex.Replace(message.HtmlBody ?? string.Empty, "<[^>]+>", " "));
}
