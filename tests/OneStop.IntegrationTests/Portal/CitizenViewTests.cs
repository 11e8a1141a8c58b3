using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.IntegrationTests.Workspace;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

/// <summary>What a citizen sees of their dossier, the portal's withdrawal, and pages that do not post again on reload.</summary>
public sealed class CitizenViewTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_citizen_never_reads_officials_internal_comments_but_reads_what_was_asked_of_them()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Ghi chú nội bộ: người nộp quen lãnh đạo");
        await scenario.ActAsync(dossier, "requestSupplement", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT", "Bổ sung bản sao giấy khám sức khỏe");
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);

        var detail = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{dossier.Id}");

        var comments = detail.GetProperty("timeline").EnumerateArray()
            .Select(e => e.GetProperty("comment").ValueKind == JsonValueKind.String ? e.GetProperty("comment").GetString() : null).ToList();
        Assert.DoesNotContain(comments, c => c?.Contains("nội bộ", StringComparison.Ordinal) == true);
        Assert.Contains("Bổ sung bản sao giấy khám sức khỏe", comments);
    }

    [Fact]
    public async Task The_citizen_withdraws_from_the_portal_and_a_reload_does_not_post_again()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        var citizen = app.CreateClient();
        await citizen.SignInAsync(DemoAccounts.Citizen);
        var path = $"/ho-so/{dossier.Id}";

        var refused = await citizen.PostFormAsync($"{path}?handler=Withdraw", new Dictionary<string, string> { ["WithdrawReason"] = " " }, await citizen.GetStringAsync(path));
        Assert.Contains("data-testid=\"withdraw-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withdrawn = await citizen.PostFormAsync($"{path}?handler=Withdraw",
            new Dictionary<string, string> { ["WithdrawReason"] = "Tôi không còn nhu cầu" }, await citizen.GetStringAsync(path));
        var shown = await withdrawn.Content.ReadAsStringAsync();
        Assert.Equal(HttpMethod.Get, withdrawn.RequestMessage!.Method);
        Assert.Contains("Đã rút hồ sơ.", shown, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(DossierStatus.Withdrawn, (await db.Dossiers.SingleAsync(d => d.Id == dossier.Id)).Status);

        var reloaded = await citizen.GetStringAsync(path);
        Assert.DoesNotContain("Đã rút hồ sơ.", reloaded, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"withdraw\"", reloaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_official_acts_the_page_is_fetched_again_so_a_reload_repeats_nothing()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        var official = app.CreateClient();
        await official.SignInAsync(DemoAccounts.ReceptionSgtvt);

        var message = await official.ActAsync(dossier.Id, "accept");

        Assert.Equal("message: Đã thực hiện: Tiếp nhận.", message);
        var reloaded = await official.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");
        Assert.Equal("nothing", OfficialPages.Describe(reloaded));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("2147483647")]
    public async Task A_negative_or_huge_page_is_clamped_never_a_server_error(string page)
    {
        var client = app.CreateClient();

        var response = await client.GetAsync($"/api/v1/procedures?page={page}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
