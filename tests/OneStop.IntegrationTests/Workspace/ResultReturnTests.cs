using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Notifications;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

public sealed class ResultReturnTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string CounterStp = "tiepnhan.stp@demo.onestop.vn";
    private const string Police = "chuyenvien.pv06.ca-tinh@demo.onestop.vn";

    [Fact]
    public async Task A_criminal_record_goes_to_the_police_and_back_and_the_counter_records_who_received_the_result_when_and_how()
    {
        var dossier = await new DossierScenario(app.Services).SubmitCriminalRecordAsync();
        var counter = await SignedInAsync(CounterStp);
        var page = await counter.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");
        Assert.DoesNotContain("name=\"Comment\"", OfficialPages.FormOf(page, "accept"), StringComparison.Ordinal);
        Assert.Contains("name=\"Comment\"", OfficialPages.FormOf(page, "reject"), StringComparison.Ordinal);
        Assert.Equal("message: Đã thực hiện: Tiếp nhận.", await counter.ActAsync(dossier.Id, "accept"));
        Assert.Equal("message: Đã thực hiện: Gửi Công an tỉnh tra cứu.",
            await (await SignedInAsync("chuyenvien.hctp.stp@demo.onestop.vn")).ActAsync(dossier.Id, "sendToPolice"));
        await new DossierScenario(app.Services).DeliverEffectsAsync();

        var police = await SignedInAsync(Police);
        var policePage = await police.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");
        Assert.Contains("name=\"ResultFile\"", OfficialPages.FormOf(policePage, "reply"), StringComparison.Ordinal);
        Assert.DoesNotContain("Giấy tiếp nhận hồ sơ", policePage, StringComparison.Ordinal);   // the receiving agency's documents are not theirs
        Assert.DoesNotContain("data-testid=\"apology-form\"", policePage, StringComparison.Ordinal);
        Assert.Equal("error: Thao tác 'Gửi kết quả tra cứu' cần đính kèm tệp kết quả (PDF, JPEG hoặc PNG).", await police.ActAsync(dossier.Id, "reply"));
        Assert.StartsWith("error: Chỉ nhận tệp PDF", await police.ActAsync(dossier.Id, "reply", file: ("tra-cuu.pdf", "MZ not a pdf"u8.ToArray())),
            StringComparison.Ordinal);
        Assert.Equal($"message: {dossier.Code}: Đã thực hiện: Gửi kết quả tra cứu.",
            await police.ActAsync(dossier.Id, "reply", file: ("tra-cuu.pdf", OfficialPages.Pdf)));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/Workspace/Dossier/{dossier.Id}")).StatusCode);

        Assert.Equal("message: Đã thực hiện: Ký phát hành.", await (await SignedInAsync("lanhdao.stp@demo.onestop.vn")).ActAsync(dossier.Id, "approve"));
        await new DossierScenario(app.Services).DeliverEffectsAsync();
        Assert.Equal("error: Trả kết quả tại Bộ phận một cửa: nhập họ tên người nhận kết quả.",
            await counter.ActAsync(dossier.Id, "returnResult", new Dictionary<string, string> { ["HandoverMethod"] = "Counter" }));
        Assert.Equal("message: Đã thực hiện: Trả kết quả.",
            await counter.ActAsync(dossier.Id, "returnResult", new Dictionary<string, string> { ["HandoverMethod"] = "Counter", ["ReceivedBy"] = "Nguyễn Văn An" }));

        await using var db = app.Database.CreateContext();
        var done = await db.Dossiers.SingleAsync(d => d.Id == dossier.Id);
        var counterId = await db.Users.Where(u => u.Email == CounterStp).Select(u => u.Id).SingleAsync();
        Assert.Equal((DossierStatus.Completed, HandoverMethod.Counter, "Nguyễn Văn An", counterId),
            (done.Status, done.ResultReturnMethod!.Value, done.ResultReceivedBy, done.ResultReturnedBy!.Value));
        Assert.NotNull(done.ResultReturnedAt);
        var reply = await db.DossierAttachments.SingleAsync(a => a.DossierId == dossier.Id);
        Assert.Equal(("KETQUA", "tra-cuu.pdf"), (reply.DocumentCode, reply.FileName));
        Assert.Contains("tra-cuu.pdf", (await db.WorkflowJournal.SingleAsync(j => j.DossierCode == dossier.Code && j.ActionId == "reply")).Files);
        var finalPage = await counter.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");
        Assert.Contains("Trả kết quả tại Bộ phận một cửa; người nhận: Nguyễn Văn An.", System.Net.WebUtility.HtmlDecode(finalPage), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"handover-method\">Tại Bộ phận một cửa<", finalPage, StringComparison.Ordinal);
        var citizen = await SignedInAsync(DemoAccounts.Citizen);
        var citizenPage = System.Net.WebUtility.HtmlDecode(await citizen.GetStringAsync($"/ho-so/{dossier.Id}"));
        Assert.Contains("Trả kết quả", citizenPage, StringComparison.Ordinal);
        Assert.Contains("Đã trả kết quả", citizenPage, StringComparison.Ordinal);

        // Every document issued by an action reached the applicant: receipt and result.
        var citizenId = done.ApplicantUserId!.Value;
        var notes = await db.Set<Notification>().Where(n => n.UserId == citizenId && n.DossierId == dossier.Code).Select(n => n.Message).ToListAsync();
        Assert.Contains(notes, n => n.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("Kết quả giải quyết thủ tục hành chính", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Returning_twice_from_two_stale_pages_records_the_hand_over_once()
    {
        var dossier = await new DossierScenario(app.Services).SubmitCriminalRecordAsync();
        await new DossierScenario(app.Services).ActAsAsync(dossier, "accept", CounterStp);
        await new DossierScenario(app.Services).ActAsAsync(dossier, "sendToPolice", "chuyenvien.hctp.stp@demo.onestop.vn");
        await new DossierScenario(app.Services).ActAsAsync(dossier, "reply", Police, ["tra-cuu.pdf"]);
        await new DossierScenario(app.Services).ActAsAsync(dossier, "approve", "lanhdao.stp@demo.onestop.vn");

        var first = await SignedInAsync(CounterStp);
        var second = await SignedInAsync(CounterStp);
        var fields = new Dictionary<string, string> { ["HandoverMethod"] = "Post", ["ReceivedBy"] = "EA123456789VN" };
        // Both pages are loaded before either is sent: the second post comes from a page that no longer holds.
        var fromFirst = await first.FillAsync(dossier.Id, "returnResult", fields);
        var fromSecond = await second.FillAsync(dossier.Id, "returnResult", fields);
        var results = await Task.WhenAll(fromFirst(), fromSecond());

        Assert.Single(results, r => r == "message: Đã thực hiện: Trả kết quả.");
        await using var check = app.Database.CreateContext();
        Assert.Equal(HandoverMethod.Post, (await check.Dossiers.SingleAsync(d => d.Id == dossier.Id)).ResultReturnMethod);
        Assert.Single(await check.WorkflowJournal.Where(j => j.DossierCode == dossier.Code && j.ActionId == "returnResult").ToListAsync());
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient();
        await client.SignInAsync(email);
        return client;
    }
}
