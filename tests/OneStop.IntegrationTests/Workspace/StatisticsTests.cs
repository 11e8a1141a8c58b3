using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>
/// Statistics on a known data set: six dossiers of Sở GTVT spread over March–May 2025 (two in progress, one rejected, one
/// completed on time in 3 days, one completed late in 5 days after an apology with a new date, one withdrawn) and one of Sở Tư pháp.
/// </summary>
public sealed partial class StatisticsTests(StatisticsTests.KnownDataSet app) : IClassFixture<StatisticsTests.KnownDataSet>
{
    private const string Range = "from=2025-03-01&to=2025-05-31";
    private const string LeaderStp = "lanhdao.stp@demo.onestop.vn";

    [GeneratedRegex("data-testid=\"([a-z-]+)\">([^<]+)<")]
    private static partial Regex Figure();

    [GeneratedRegex("<table[^>]*data-testid=\"(by-[a-z]+)\".*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex("<tr><th scope=\"row\">([^<]+)</th>((?:<td>[^<]*</td>\\s*)+)</tr>")]
    private static partial Regex TableRow();

    [GeneratedRegex("<td>([^<]*)</td>")]
    private static partial Regex Cell();

    /// <summary>The app with the data set seeded once for the class.</summary>
    public sealed class KnownDataSet : OneStopAppFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await SeedAsync(this);
        }
    }

    private static async Task SeedAsync(OneStopAppFactory app)
    {
        var scenario = new DossierScenario(app.Services);
        var waiting = await scenario.SubmitDrivingLicenceAsync();
        var accepted = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(accepted, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        var rejected = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(rejected, "reject", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Giả mạo giấy tờ");
        var onTime = await scenario.SubmitDrivingLicenceAsync();
        var late = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(onTime, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.ActAsync(late, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");

        // The counter apologises for the late one with a new date, through the dossier page.
        var counter = app.CreateClient();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var apology = await counter.PostHandlerAsync(late.Id, "Apology", new Dictionary<string, string>
        {
            ["NewDate"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            ["Reason"] = "Cần xác minh thêm với cơ quan cấp giấy phép lái xe ban đầu.",
        });
        Assert.StartsWith("message:", apology, StringComparison.Ordinal);
        foreach (var dossier in new[] { onTime, late })
        {
            await scenario.ActAsync(dossier, "submit", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT");
            await scenario.ActAsync(dossier, "approve", DemoAccounts.LeaderSgtvt, "Leader", "LANHDAO");
        }

        var withdrawn = await scenario.SubmitDrivingLicenceAsync();
        var otherAgency = await new DossierScenario(app.Services).SubmitCriminalRecordAsync();

        await using var db = app.Database.CreateContext();
        Assert.Equal(DossierStatus.Completed, (await db.Dossiers.SingleAsync(d => d.Id == late.Id)).Status);
        Assert.NotNull((await db.Dossiers.SingleAsync(d => d.Id == late.Id)).NewDueAt);
        async Task Dates(Dossier d, string submitted, string? received = null, string? due = null, string? completed = null, string? newDue = null) =>
            await db.Database.ExecuteSqlAsync($"""
                UPDATE dossiers SET submitted_at = {DateTimeOffset.Parse(submitted + "+07:00").ToUniversalTime()},
                  received_at = {(received is null ? null : DateTimeOffset.Parse(received + "+07:00").ToUniversalTime())},
                  due_at = {(due is null ? null : DateTimeOffset.Parse(due + "+07:00").ToUniversalTime())},
                  completed_at = {(completed is null ? null : DateTimeOffset.Parse(completed + "+07:00").ToUniversalTime())},
                  new_due_at = {(newDue is null ? null : DateTimeOffset.Parse(newDue + "+07:00").ToUniversalTime())}
                WHERE id = {d.Id}
                """);
        await Dates(waiting, "2025-03-03 09:00");
        await Dates(accepted, "2025-03-10 09:00", "2025-03-10 09:30", "2025-03-20 17:00");
        await Dates(rejected, "2025-03-12 10:00", null, null, "2025-03-12 10:30");
        await Dates(onTime, "2025-04-01 08:00", "2025-04-01 08:00", "2025-04-10 17:00", "2025-04-04 08:00");
        // Completed after the original appointment (05/04) though before the apology's new date (09/04): still late.
        await Dates(late, "2025-04-02 08:00", "2025-04-02 08:00", "2025-04-05 17:00", "2025-04-07 08:00", "2025-04-09 17:00");
        await Dates(withdrawn, "2025-05-02 14:00", null, null, "2025-05-03 08:00");
        await db.Database.ExecuteSqlAsync($"UPDATE dossiers SET status = 'Withdrawn' WHERE id = {withdrawn.Id}");
        await Dates(otherAgency, "2025-05-05 08:00");
        // Outside the range: never counted.
        await Dates(await scenario.SubmitDrivingLicenceAsync(), "2025-06-01 08:00");
    }

    [Fact]
    public async Task A_leader_sees_exact_figures_of_their_agency_by_procedure_and_month_with_charts()
    {
        var leader = app.CreateClient();
        await leader.SignInAsync(DemoAccounts.LeaderSgtvt);
        var html = await leader.GetStringAsync($"/Workspace/Statistics?{Range}");
        var figures = Figures(html);

        Assert.Equal("6", figures["received"]);
        Assert.Equal("2", figures["in-progress"]);
        Assert.Equal("1", figures["on-time"]);
        Assert.Equal("1", figures["late"]);
        Assert.Equal("1", figures["rejected"]);
        Assert.Equal("1", figures["withdrawn"]);
        Assert.Equal("1", figures["apologised"]);
        Assert.Equal("50%", figures["on-time-rate"]);
        Assert.Equal("4,0 ngày", figures["average-days"]);

        var tables = Tables(html);
        Assert.False(tables.ContainsKey("by-agency"));   // one agency: no breakdown by agency on screen
        Assert.Single(tables["by-procedure"]);
        Assert.EndsWith("|6|2|1|1|1|1|50%|4,0", tables["by-procedure"][0], StringComparison.Ordinal);
        Assert.Equal([
            "03/2025|3|2|0|0|1|0|—|—",
            "04/2025|2|0|1|1|0|0|50%|4,0",
            "05/2025|1|0|0|0|0|1|—|—",
        ], tables["by-month"]);

        // Two charts drawn on the server as SVG, with their numbers in the accessible description; no script needed.
        Assert.Contains("<svg id=\"chart-months\"", html, StringComparison.Ordinal);
        Assert.Contains("04/2025: Tiếp nhận 2, Đúng hạn 1, Quá hạn 1", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"chart-rate\"", html, StringComparison.Ordinal);
        Assert.Contains("04/2025: Tỷ lệ đúng hạn 50%", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=\"/js/bars.js\"", html, StringComparison.Ordinal);

        // A leader cannot widen the scope through the query string.
        var widened = Figures(await leader.GetStringAsync($"/Workspace/Statistics?{Range}&agency=STP"));
        Assert.Equal("6", widened["received"]);
    }

    [Fact]
    public async Task The_spreadsheet_has_totals_and_every_grouping()
    {
        var leader = app.CreateClient();
        await leader.SignInAsync(DemoAccounts.LeaderSgtvt);
        var response = await leader.GetAsync($"/Workspace/Statistics?handler=Csv&{Range}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);

        Assert.Contains("\"Tổng cộng\",\"Tổng cộng\",6,2,1,1,1,1,1,50%,4.0", csv, StringComparison.Ordinal);
        Assert.Contains("\"Cơ quan\",\"Sở Giao thông vận tải\",6,2,1,1,1,1,1,50%,4.0", csv, StringComparison.Ordinal);
        Assert.Contains("\"Tháng\",\"03/2025\",3,2,0,0,1,0,0,,", csv, StringComparison.Ordinal);
        Assert.Contains("\"Tháng\",\"04/2025\",2,0,1,1,0,0,1,50%,4.0", csv, StringComparison.Ordinal);
        Assert.Contains("\"Tháng\",\"05/2025\",1,0,0,0,0,1,0,,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_the_whole_province_by_agency_or_one_agency()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var html = await admin.GetStringAsync($"/Workspace/Statistics?{Range}");
        Assert.Equal("7", Figures(html)["received"]);
        Assert.Equal("3", Figures(html)["in-progress"]);
        Assert.Equal([
            "Sở Giao thông vận tải|6|2|1|1|1|1|50%|4,0",
            "Sở Tư pháp|1|1|0|0|0|0|—|—",
        ], Tables(html)["by-agency"]);

        var stp = await admin.GetStringAsync($"/Workspace/Statistics?{Range}&agency=STP");
        Assert.Equal("1", Figures(stp)["received"]);
        Assert.Contains("Sở Tư pháp ·", stp, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/Workspace/Statistics?handler=Csv&{Range}"));
        Assert.Contains("\"Cơ quan\",\"Sở Tư pháp\",1,1,0,0,0,0,0,,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_of_another_agency_sees_only_theirs()
    {
        var leader = app.CreateClient();
        await leader.SignInAsync(LeaderStp);
        var html = await leader.GetStringAsync($"/Workspace/Statistics?{Range}&agency=SGTVT");
        Assert.Equal("1", Figures(html)["received"]);
        Assert.DoesNotContain("Sở Giao thông vận tải", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Citizen)]
    [InlineData(DemoAccounts.SpecialistSgtvt)]
    [InlineData(DemoAccounts.ReceptionSgtvt)]
    public async Task Only_leaders_and_admins_open_the_statistics(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Workspace/Statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Workspace/Statistics?handler=Csv")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Workspace/Statistics?handler=Csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Figures(string html) =>
        Figure().Matches(html).GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value.Trim()));

    private static Dictionary<string, List<string>> Tables(string html) =>
        Table().Matches(html).ToDictionary(m => m.Groups[1].Value, m => TableRow().Matches(m.Value)
            .Select(r => WebUtility.HtmlDecode(r.Groups[1].Value) + "|" + string.Join("|", Cell().Matches(r.Groups[2].Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value))))
            .ToList());
}
