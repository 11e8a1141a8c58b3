using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Dossiers;
using OneStop.IntegrationTests.Portal;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Security;

/// <summary>
/// The public look-up asks the dossier's code and its random look-up key (never the ID number's last digits, which /verify used to
/// print): the key is on the receipt, in the applicant's e-mail and on the citizen's page, for online and walk-in dossiers alike.
/// </summary>
public sealed class LookupKeyTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_look_up_needs_the_key_and_the_key_is_on_the_citizens_page_in_the_mail_and_on_the_receipt()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, code) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        var scenario = new DossierScenario(app.Services);
        await using (var db = app.Database.CreateContext())
        {
            await scenario.ActAsync(await db.Dossiers.SingleAsync(d => d.Id == id), "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        }

        await scenario.DeliverEffectsAsync();
        await scenario.DeliverMailAsync();
        var detail = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}");
        var key = detail.GetProperty("lookupKey").GetString()!;
        Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{5}$", key);

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/lookup/{code}?key={key}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/lookup/{code}?key={key.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant()}")).StatusCode);
        foreach (var wrong in (string[])["?key=" + Other(key), "?id4=1234", "", "?key=", "?key=" + key + "X"])
        {
            var refused = await anonymous.GetAsync($"/api/v1/lookup/{code}{wrong}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        var page = await anonymous.GetStringAsync($"/tra-cuu?code={code}&key={key}");
        Assert.Contains("data-testid=\"lookup-result\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"lookup-result\"", await anonymous.GetStringAsync($"/tra-cuu?code={code}&key={Other(key)}"), StringComparison.Ordinal);

        var browser = app.CreateClient();
        await browser.SignInAsync(DemoAccounts.Citizen);
        Assert.Contains(key, await browser.GetStringAsync($"/ho-so/{id}"), StringComparison.Ordinal);
        var mails = (await app.Mailbox.MessagesToAsync(DemoAccounts.Citizen)).Where(m => m.Subject?.Contains(code, StringComparison.Ordinal) == true).ToList();
        Assert.Contains(mails, m => m.Subject == $"Hồ sơ {code}: Đã nộp, chờ tiếp nhận" && Text(m).Contains("Mã tra cứu", StringComparison.Ordinal) && Text(m).Contains(key, StringComparison.Ordinal));
        var receipt = detail.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "receipt");
        var pdf = PdfText.Of(await citizen.GetByteArrayAsync(receipt.GetProperty("url").GetString()));
        Assert.Contains(key, pdf, StringComparison.Ordinal);

        // The verification page of the receipt prints neither the key nor any digit of the applicant's ID number.
        var verification = receipt.GetProperty("verificationCode").GetString();
        var verify = await anonymous.GetStringAsync($"/verify/{verification}");
        var verifyApi = await anonymous.GetStringAsync($"/api/v1/verify/{verification}");
        foreach (var text in new[] { verify, verifyApi })
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(key.Replace("-", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
            Assert.DoesNotContain("1234", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_walk_in_dossier_has_its_key_on_the_receipt_and_in_the_mail_and_every_dossier_its_own()
    {
        Dossier walkIn;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
            var official = await db.Users.Where(u => u.Email == DemoAccounts.ReceptionSgtvt).Select(u => u.Id).SingleAsync();
            walkIn = await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
                new NewDossier("1.002804", null, new Applicant("Trần Thị Bình", "020090009876", "0987 654 321", "khach.truc.tiep@example.vn",
                    "Thôn Nà Chuông, xã Mai Pha, tỉnh Lạng Sơn"), null, SubmissionChannel.Counter,
                    """{"licenceNumber":"200123456780","licenceClass":"B","deliverByPost":false}"""),
                new WorkflowActor(official.ToString(), "Reception", "SGTVT", "MOTCUA"));
        }

        var scenario = new DossierScenario(app.Services);
        await scenario.ActAsync(walkIn, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.DeliverEffectsAsync();
        await scenario.DeliverMailAsync();

        await using var check = app.Database.CreateContext();
        var stored = await check.Dossiers.SingleAsync(d => d.Id == walkIn.Id);
        var key = LookupKeys.Format(stored.LookupKey)!;
        var receipt = await check.IssuedDocuments.SingleAsync(d => d.DossierId == walkIn.Id && d.Kind == "receipt");
        Assert.Contains(key, PdfText.Of(receipt.Content), StringComparison.Ordinal);
        Assert.Contains((await app.Mailbox.MessagesToAsync("khach.truc.tiep@example.vn")), m => Text(m).Contains(key, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/v1/lookup/{walkIn.Code}?key={key}")).StatusCode);

        var keys = await check.Dossiers.Select(d => d.LookupKey).ToListAsync();
        Assert.All(keys, k => Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$", k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task A_row_inserted_by_sql_as_the_legacy_import_does_gets_a_key_from_the_database()
    {
        await using var db = app.Database.CreateContext();
        var drawn = await db.Database.SqlQueryRaw<string>("SELECT public.onestop_lookup_key() AS \"Value\" FROM generate_series(1, 2000)").ToListAsync();

        Assert.All(drawn, k => Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$", k));
        Assert.Equal(drawn.Count, drawn.Distinct().Count());
        // Every letter of the alphabet turns up: the draw is not stuck on part of it.
        Assert.Equal(32, drawn.SelectMany(k => k).Distinct().Count());
    }

    private static string Other(string key) => (key[0] == 'A' ? 'B' : 'A') + key[1..];

    private static string Text(MimeMessage message) => System.Net.WebUtility.HtmlDecode(
        System.Text.RegularExpressions.Regex.Replace(message.HtmlBody ?? string.Empty, "<[^>]+>", " ")).Replace("  ", " ", StringComparison.Ordinal);
}
