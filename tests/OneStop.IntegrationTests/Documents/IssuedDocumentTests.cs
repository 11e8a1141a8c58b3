using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Documents;

public sealed class IssuedDocumentTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Accepting_a_dossier_issues_its_receipt_which_reads_back_and_verifies()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");

        Assert.True(await scenario.DeliverEffectsAsync() > 0);
        await scenario.DeliverEffectsAsync();
        Assert.Equal(1, await CountDocumentsAsync(dossier.Id, "receipt"));

        await using var db = app.Database.CreateContext();
        var receipt = await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "receipt");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(receipt.Content)), receipt.Sha256);
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "issued"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "issued", "receipt.pdf"), receipt.Content); // for people to look at
        {
            var text = Text(receipt.Content);
            Assert.Contains(dossier.Code!, text, StringComparison.Ordinal);
            Assert.Contains("Nguyễn Văn An", text, StringComparison.Ordinal);
            Assert.Contains("Cấp đổi giấy phép lái xe", text, StringComparison.Ordinal);
            Assert.Contains(receipt.VerificationCode, text, StringComparison.Ordinal);
        }

        var client = app.CreateClient();
        var verified = await client.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{receipt.VerificationCode}?sha256={receipt.Sha256}");
        Assert.Equal(dossier.Code, verified.GetProperty("dossierCode").GetString());
        Assert.False(verified.TryGetProperty("applicantIdNumber", out _)); // no digit of the ID number, nothing the look-up asks for
        Assert.Equal("Nguyễn V. A.", verified.GetProperty("applicantName").GetString());
        Assert.True(verified.GetProperty("fileMatches").GetBoolean());

        var tampered = receipt.Content.ToArray();
        tampered[^10] ^= 0xff;
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(tampered), "file", "bien-nhan.pdf" } };
        var checkTampered = await client.PostAsync($"/api/v1/verify/{receipt.Id}", upload);
        Assert.False((await checkTampered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileMatches").GetBoolean());

        var page = await client.GetStringAsync($"/verify/{receipt.VerificationCode}");
        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", page, StringComparison.Ordinal);
        Assert.DoesNotContain("020090001234", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_codes_are_not_issued_by_OneStop()
    {
        var client = app.CreateClient();

        var api = await client.GetAsync("/api/v1/verify/ZZZZZ-ZZZZZ");
        var page = await client.GetAsync("/verify/ZZZZZ-ZZZZZ");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Contains("không do OneStop phát hành", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("không do OneStop phát hành", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supplement_requests_and_refusals_carry_the_officials_words()
    {
        var scenario = new DossierScenario(app.Services);
        var first = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(first, "requestSupplement", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA",
            "Bổ sung giấy khám sức khỏe còn hạn\nẢnh chụp giấy phép lái xe rõ nét hơn");
        var second = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(second, "reject", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Giấy phép lái xe đã bị thu hồi.");
        await scenario.DeliverEffectsAsync();

        await using var db = app.Database.CreateContext();
        var request = await db.IssuedDocuments.SingleAsync(d => d.DossierId == first.Id && d.Kind == "supplementRequest");
        var refusal = await db.IssuedDocuments.SingleAsync(d => d.DossierId == second.Id && d.Kind == "rejection");
        Assert.Contains("Ảnh chụp giấy phép lái xe rõ nét hơn", Text(request.Content), StringComparison.Ordinal);
        Assert.Contains("Giấy phép lái xe đã bị thu hồi.", Text(refusal.Content), StringComparison.Ordinal);
    }

    public static TheoryData<string?, HttpStatusCode> DownloadMatrix => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { DemoAccounts.Citizen, HttpStatusCode.OK },
        { "hoang.thi.mai@demo.onestop.vn", HttpStatusCode.NotFound },
        { DemoAccounts.ReceptionSgtvt, HttpStatusCode.OK },
        { DemoAccounts.LeaderSgtvt, HttpStatusCode.OK },
        { "tiepnhan.sxd@demo.onestop.vn", HttpStatusCode.NotFound },
        { DemoAccounts.Admin, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(DownloadMatrix))]
    public async Task Only_the_applicant_and_the_officials_of_the_dossier_download_its_documents(string? user, HttpStatusCode expected)
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.DeliverEffectsAsync();
        await using var db = app.Database.CreateContext();
        var receipt = await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "receipt");
        var client = app.CreateClient();
        if (user is not null)
        {
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user, password = DemoAccounts.Password });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.GetAsync($"/api/v1/dossiers/{dossier.Id}/documents/{receipt.Id}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(receipt.Sha256, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
        }
    }

    [Fact]
    public async Task Concurrent_submissions_get_unique_gapless_codes()
    {
        var scenario = new DossierScenario(app.Services);

        var dossiers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => scenario.SubmitDrivingLicenceAsync())));

        var numbers = dossiers.Select(d => int.Parse(d.Code![^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(numbers.Distinct().Count(), numbers.Count);
        Assert.Equal(Enumerable.Range(numbers[0], numbers.Count), numbers);
        Assert.All(dossiers, d => Assert.Matches(@"^SGTVT-\d{6}-\d{4}$", d.Code));
    }

    private async Task<int> CountDocumentsAsync(Guid dossierId, string kind)
    {
        await using var db = app.Database.CreateContext();
        return await db.IssuedDocuments.CountAsync(d => d.DossierId == dossierId && d.Kind == kind);
    }

    private static string Text(byte[] pdf) => PdfText.Of(pdf);
}
