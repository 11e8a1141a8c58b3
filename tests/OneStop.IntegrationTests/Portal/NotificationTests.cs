using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

public sealed class NotificationTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Each_change_of_a_dossier_notifies_its_applicant_in_the_app_who_marks_them_read()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        await citizen.PostAsync("/api/v1/notifications/read-all", null);
        var (id, code) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        var scenario = new DossierScenario(app.Services);
        await using (var db = app.Database.CreateContext())
        {
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
            await scenario.ActAsync(dossier, "requestSupplement", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Bổ sung giấy khám sức khỏe");
        }

        await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/resubmit", new { comment = "Đã bổ sung" });
        await using (var db = app.Database.CreateContext())
        {
            await scenario.ActAsync(await db.Dossiers.SingleAsync(d => d.Id == id), "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        }

        await scenario.DeliverEffectsAsync();
        var list = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var mine = list.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("dossierCode").GetString() == code).ToList();
        var messages = mine.Select(n => n.GetProperty("message").GetString()!).ToList();

        Assert.Contains($"Đã nộp hồ sơ {code} thành công, đang chờ tiếp nhận.", messages);
        Assert.Contains(messages, m => m.StartsWith($"Hồ sơ {code} cần bổ sung", StringComparison.Ordinal));
        Assert.Contains($"Hồ sơ {code} đã được nộp, đang chờ tiếp nhận.", messages);
        Assert.Contains($"Hồ sơ {code} đã được tiếp nhận và đang được giải quyết.", messages);
        Assert.Contains(messages, m => m.Contains("Giấy tiếp nhận hồ sơ", StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain("[", m, StringComparison.Ordinal));
        Assert.All(mine, n => Assert.Equal(id, n.GetProperty("dossierId").GetGuid()));
        var unread = list.GetProperty("unread").GetInt32();
        Assert.Equal(mine.Count, unread);

        var first = mine[0].GetProperty("id").GetGuid();
        var other = await app.CreateBearerClientAsync("hoang.thi.mai@demo.onestop.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/notifications/{first}/read", null)).StatusCode);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("dossierCode").GetString() == code);
        var read = await citizen.PostAsync($"/api/v1/notifications/{first}/read", null);
        Assert.Equal(unread - 1, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unread").GetInt32());
        var unreadOnly = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true");
        Assert.DoesNotContain(unreadOnly.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == first);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/notifications")).StatusCode);
    }

    [Fact]
    public async Task The_header_shows_the_unread_count_and_the_page_marks_them_read()
    {
        var api = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (_, code) = await CitizenDossierBuilder.SubmittedAsync(api);
        var browser = app.CreateClient();
        await browser.SignInAsync(DemoAccounts.Citizen);

        var page = await browser.GetStringAsync("/thong-bao");
        Assert.Contains("data-testid=\"unread-count\"", page, StringComparison.Ordinal);
        Assert.Contains($"Đã nộp hồ sơ {code} thành công", page, StringComparison.Ordinal);

        var after = await browser.PostFormAsync("/thong-bao?handler=ReadAll", new Dictionary<string, string>(), page);
        var html = await after.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"unread-count\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-unread=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("unread").GetInt32());
    }
}
