using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Payments;
using OneStop.Infrastructure.Payments;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

public sealed class PaymentTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task A_citizen_pays_the_fee_at_the_simulated_bank_and_gets_one_receipt_even_when_the_return_is_replayed()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, code) = await CitizenDossierBuilder.SubmittedAsync(citizen);

        var started = await StartAsync(citizen, id);
        var browser = Browser();
        var bankPage = await browser.GetStringAsync(started.RedirectUrl);
        var paid = await browser.PostFormAsync(started.RedirectUrl, new Dictionary<string, string> { ["choice"] = "Succeeded" }, bankPage);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var callback = paid.Headers.Location!.OriginalString;
        var first = await browser.GetAsync(callback);
        var replay = await browser.GetAsync(callback);

        Assert.Contains("135.000 đồng", bankPage, StringComparison.Ordinal);
        Assert.StartsWith("/thanh-toan/gia-lap?", started.RedirectUrl, StringComparison.Ordinal);
        Assert.StartsWith("/thanh-toan/ket-qua?", callback, StringComparison.Ordinal);
        Assert.Equal($"/ho-so/{id}?thanhtoan=succeeded", first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        var payment = Assert.Single(await PaymentsAsync(citizen, id));
        Assert.Equal("Succeeded", payment.GetProperty("status").GetString());
        Assert.StartsWith("SIM", payment.GetProperty("providerReference").GetString(), StringComparison.Ordinal);
        var detail = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}");
        var receipt = Assert.Single(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "paymentReceipt");
        Assert.Equal(receipt.GetProperty("url").GetString(), payment.GetProperty("receiptUrl").GetString());
        var pdf = await citizen.GetAsync(receipt.GetProperty("url").GetString());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("BIÊN LAI THU PHÍ, LỆ PHÍ", text, StringComparison.Ordinal);
        Assert.Contains("135.000 đồng", text, StringComparison.Ordinal);
        var again = await citizen.PostAsync($"/api/v1/dossiers/{id}/payments", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("đã được thanh toán", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.NotNull((await db.Dossiers.SingleAsync(d => d.Id == id)).FeePaidAt);
        Assert.Single(await db.Notifications.Where(n => n.DossierId == code && n.Message.Contains("đã thanh toán lệ phí")).ToListAsync());
    }

    [Fact]
    public async Task A_failed_and_a_cancelled_attempt_leave_the_fee_unpaid_and_the_citizen_can_pay_again()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, _) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        var browser = Browser();

        var failed = await AtBankAsync(browser, (await StartAsync(citizen, id)).RedirectUrl, "Failed");
        var cancelled = await AtBankAsync(browser, (await StartAsync(citizen, id)).RedirectUrl, "Cancelled");
        var page = Browser(redirects: true);
        await page.SignInAsync(DemoAccounts.Citizen);
        var portal = await page.GetStringAsync(failed);

        Assert.Equal($"/ho-so/{id}?thanhtoan=failed", failed);
        Assert.Equal($"/ho-so/{id}?thanhtoan=cancelled", cancelled);
        Assert.Contains("Thanh toán không thành công", portal, StringComparison.Ordinal);
        Assert.Contains("Chưa thanh toán", portal, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pay\"", portal, StringComparison.Ordinal);
        Assert.Equal(["Failed", "Cancelled"], (await PaymentsAsync(citizen, id)).Select(p => p.GetProperty("status").GetString()));

        var succeeded = await AtBankAsync(browser, (await StartAsync(citizen, id)).RedirectUrl, "Succeeded");
        var after = await page.GetStringAsync(succeeded);
        Assert.Contains("Đã thanh toán lúc", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pay\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_callback_is_idempotent_and_a_late_contrary_callback_changes_nothing()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, _) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        var started = await StartAsync(citizen, id);
        var bank = app.Services.GetRequiredService<SimulatedPaymentProvider>();
        var success = bank.Callback(started.PaymentId, PaymentOutcome.Succeeded, 135_000m);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Callback(success)));
        var contrary = await Callback(bank.Callback(started.PaymentId, PaymentOutcome.Failed, 135_000m));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses.Append(contrary))
        {
            Assert.Equal("Succeeded", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        await using var db = app.Database.CreateContext();
        Assert.Single(await db.IssuedDocuments.Where(d => d.DossierId == id && d.Kind == "paymentReceipt").ToListAsync());
    }

    [Fact]
    public async Task A_tampered_callback_is_rejected_and_the_payment_stays_pending()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, _) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        var started = await StartAsync(citizen, id);
        var bank = app.Services.GetRequiredService<SimulatedPaymentProvider>();
        var failed = new Dictionary<string, string>(bank.Callback(started.PaymentId, PaymentOutcome.Failed, 135_000m)) { ["outcome"] = "Succeeded" };
        var cheaper = new Dictionary<string, string>(bank.Callback(started.PaymentId, PaymentOutcome.Succeeded, 135_000m)) { ["amount"] = "1000" };
        var unsigned = new Dictionary<string, string>(bank.Callback(started.PaymentId, PaymentOutcome.Succeeded, 135_000m));
        unsigned.Remove("signature");

        foreach (var tampered in new[] { failed, cheaper, unsigned })
        {
            var response = await Callback(tampered);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("payment.signature", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        var returned = await Browser().GetAsync(SimulatedPaymentProvider.CallbackUrl(SimulatedPaymentProvider.ReturnPath, failed).ToString());
        var bankPage = await Browser().GetAsync(started.RedirectUrl.Replace("amount=135000", "amount=1", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, returned.StatusCode);
        Assert.Contains("Chữ ký của thông báo thanh toán không hợp lệ", await returned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, bankPage.StatusCode);
        Assert.Equal("Pending", Assert.Single(await PaymentsAsync(citizen, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_citizens_dossier_cannot_be_paid_or_seen_and_a_draft_is_not_paid_yet()
    {
        var owner = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, _) = await CitizenDossierBuilder.SubmittedAsync(owner);
        var draft = await CitizenDossierBuilder.DraftAsync(owner);
        var other = await app.CreateBearerClientAsync("hoang.thi.mai@demo.onestop.vn");

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/dossiers/{id}/payments", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/dossiers/{id}/payments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync($"/api/v1/dossiers/{id}/payments", null)).StatusCode);
        var notYet = await owner.PostAsync($"/api/v1/dossiers/{draft}/payments", null);
        Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);
        Assert.Equal("payment.not_submitted", (await notYet.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private sealed record Started(Guid PaymentId, string RedirectUrl);

    private static async Task<Started> StartAsync(HttpClient citizen, Guid id)
    {
        var response = await citizen.PostAsync($"/api/v1/dossiers/{id}/payments", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(135_000m, body.GetProperty("amount").GetDecimal());
        return new Started(body.GetProperty("paymentId").GetGuid(), body.GetProperty("redirectUrl").GetString()!);
    }

    private static async Task<List<JsonElement>> PaymentsAsync(HttpClient citizen, Guid id) =>
        (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/payments")).EnumerateArray().ToList();

    private async Task<string> AtBankAsync(HttpClient browser, string bankUrl, string choice)
    {
        var chosen = await browser.PostFormAsync(bankUrl, new Dictionary<string, string> { ["choice"] = choice });
        var returned = await browser.GetAsync(chosen.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        return returned.Headers.Location!.OriginalString;
    }

    private Task<HttpResponseMessage> Callback(IReadOnlyDictionary<string, string> parameters) =>
        app.CreateClient().PostAsync("/api/v1/payments/callback", new FormUrlEncodedContent(parameters));

    private HttpClient Browser(bool redirects = false) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = redirects });
}
