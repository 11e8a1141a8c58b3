using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.IntegrationTests.Documents;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

public sealed partial class StatisticsTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [GeneratedRegex("data-testid=\"([a-z-]+)\">([^<]+)<")]
    private static partial Regex Figure();

    [Fact]
    public async Task Leaders_see_their_agencys_figures_on_a_known_data_set_and_can_download_them()
    {
        var scenario = new DossierScenario(app.Services);
        await scenario.SubmitDrivingLicenceAsync();                                             // received, waiting at the counter
        var inProgress = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(inProgress, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        var rejected = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(rejected, "reject", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Giả mạo giấy tờ");
        var onTime = await scenario.SubmitDrivingLicenceAsync();
        var late = await scenario.SubmitDrivingLicenceAsync();
        foreach (var dossier in new[] { onTime, late })
        {
            await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
            await scenario.ActAsync(dossier, "submit", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT");
            await scenario.ActAsync(dossier, "approve", DemoAccounts.LeaderSgtvt, "Leader", "LANHDAO");
        }

        await using (var db = app.Database.CreateContext())
        {
            // The late one was promised for a date before it was completed.
            await db.Database.ExecuteSqlAsync($"UPDATE dossiers SET due_at = completed_at - interval '2 days' WHERE id = {late.Id}");
        }

        var leader = app.CreateClient();
        await leader.SignInAsync(DemoAccounts.LeaderSgtvt);
        var html = await leader.GetStringAsync("/Workspace/Statistics");
        var figures = Figure().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

        Assert.Equal("5", figures["received"]);
        Assert.Equal("2", figures["in-progress"]);
        Assert.Equal("1", figures["on-time"]);
        Assert.Equal("1", figures["late"]);
        Assert.Equal("1", figures["rejected"]);
        Assert.Equal("50%", figures["on-time-rate"].Replace(" ", string.Empty, StringComparison.Ordinal));
        var csv = await leader.GetByteArrayAsync("/Workspace/Statistics?handler=Csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Contains("\"Tổng cộng\",5,2,1,1,1,0", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Citizen)]
    [InlineData(DemoAccounts.SpecialistSgtvt)]
    [InlineData(DemoAccounts.Admin)]
    public async Task Only_leaders_open_the_statistics(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Workspace/Statistics")).StatusCode);
    }
}
