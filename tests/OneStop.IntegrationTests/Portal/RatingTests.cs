using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

public sealed class RatingTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_applicant_rates_a_completed_dossier_once_and_nobody_else_can()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, code) = await CompletedAsync(citizen);

        var outOfRange = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { score = 6 });
        var other = await (await app.CreateBearerClientAsync("hoang.thi.mai@demo.onestop.vn"))
            .PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { score = 1, comment = "không phải hồ sơ của tôi" });
        var notYet = await citizen.GetAsync($"/api/v1/dossiers/{id}/rating");
        var rated = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { score = 4, comment = "Nhanh, đúng hẹn" });
        var twice = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { score = 5 });
        var read = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/rating");

        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("từ 1 đến 5", await outOfRange.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains($"Bạn đã đánh giá hồ sơ {code}", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(4, read.GetProperty("score").GetInt32());
        Assert.Equal("Nhanh, đúng hẹn", read.GetProperty("comment").GetString());
        var notices = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(notices.GetProperty("items").EnumerateArray(),
            n => n.GetProperty("message").GetString() == $"Hồ sơ {code} đã giải quyết xong. Mời bạn đánh giá mức độ hài lòng.");
    }

    [Fact]
    public async Task A_dossier_still_in_progress_cannot_be_rated_and_the_page_offers_the_form_only_after_completion()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (open, _) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        var (done, _) = await CompletedAsync(citizen);
        var browser = app.CreateClient();
        await browser.SignInAsync(DemoAccounts.Citizen);

        var early = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{open}/rating", new { score = 5 });
        var openPage = await browser.GetStringAsync($"/ho-so/{open}");
        var donePage = await browser.GetStringAsync($"/ho-so/{done}");
        var noScore = await browser.PostFormAsync($"/ho-so/{done}?handler=Rate", new Dictionary<string, string> { ["ratingComment"] = "x" }, donePage);
        var rated = await browser.PostFormAsync($"/ho-so/{done}?handler=Rate",
            new Dictionary<string, string> { ["score"] = "5", ["ratingComment"] = "Cán bộ hướng dẫn tận tình" }, donePage);
        var after = await rated.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("rating.not_completed", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.DoesNotContain("data-testid=\"rating-form\"", openPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rating-form\"", donePage, StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn mức độ hài lòng", await noScore.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("5/5", after, StringComparison.Ordinal);
        Assert.Contains("Cán bộ hướng dẫn tận tình", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rating-form\"", after, StringComparison.Ordinal);
    }

    private async Task<(Guid Id, string Code)> CompletedAsync(HttpClient citizen)
    {
        var (id, code) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        var scenario = new DossierScenario(app.Services);
        await scenario.DriveToEndAsync(code, new Dictionary<string, object?> { ["licenceClass"] = "B", ["deliverByPost"] = true });
        await scenario.DeliverEffectsAsync();
        var detail = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}");
        Assert.Equal("Completed", detail.GetProperty("status").GetString());
        return (id, code);
    }
}
