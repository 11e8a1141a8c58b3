using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

public sealed partial class RegisterPageTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [GeneratedRegex("<tr data-code=\"([^\"]+)\">")]
    private static partial Regex Entry();

    [Fact]
    public async Task The_counter_sees_its_register_for_a_date_range_and_links_to_the_pdf_and_spreadsheet()
    {
        var scenario = new DossierScenario(app.Services);
        var inRange = await scenario.SubmitDrivingLicenceAsync();
        var accepted = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(accepted, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        var outside = await scenario.SubmitDrivingLicenceAsync();
        var otherAgency = await new DossierScenario(app.Services).SubmitCriminalRecordAsync();
        await using (var db = app.Database.CreateContext())
        {
            var march = new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);
            await db.Database.ExecuteSqlAsync($"UPDATE dossiers SET submitted_at = {march}, received_at = NULL WHERE id = {inRange.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE dossiers SET submitted_at = {march.AddDays(1)}, received_at = {march.AddDays(1)} WHERE id = {accepted.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE dossiers SET submitted_at = {march.AddMonths(1)} WHERE id = {outside.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE dossiers SET submitted_at = {march} WHERE id = {otherAgency.Id}");
        }

        var counter = app.CreateClient();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var html = await counter.GetStringAsync("/Workspace/Register?from=2025-03-01&to=2025-03-31");

        Assert.Equal([inRange.Code, accepted.Code], Entry().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains($"<a href=\"/Workspace/Dossier/{accepted.Id}\">{accepted.Code}</a>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"register-total\">2<", html, StringComparison.Ordinal);
        Assert.Contains("Sở Giao thông vận tải · Bộ phận Tiếp nhận và Trả kết quả · từ 01/03/2025 đến 31/03/2025", html, StringComparison.Ordinal);

        var pdfLink = WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"register-pdf\" href=\"([^\"]+)\"").Groups[1].Value);
        var csvLink = WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"register-csv\" href=\"([^\"]+)\"").Groups[1].Value);
        Assert.Equal("/api/v1/register?from=2025-03-01&to=2025-03-31&format=pdf", pdfLink);
        var pdf = await counter.GetAsync(pdfLink);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await counter.GetByteArrayAsync(csvLink));
        Assert.Contains(inRange.Code!, csv, StringComparison.Ordinal);
        Assert.Contains(accepted.Code!, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(outside.Code!, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_range_is_explained_in_Vietnamese_not_a_server_error()
    {
        var counter = app.CreateClient();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var response = await counter.GetAsync("/Workspace/Register?from=2025-05-01&to=2025-03-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Khoảng thời gian không hợp lệ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync("/Workspace/Register?from=garbage&page=-3")).StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.Citizen, HttpStatusCode.Forbidden)]
    [InlineData(DemoAccounts.Admin, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Redirect)]
    public async Task Only_officials_open_the_register(string? email, HttpStatusCode expected)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        if (email is not null)
        {
            await client.SignInAsync(email);
        }

        Assert.Equal(expected, (await client.GetAsync("/Workspace/Register")).StatusCode);
    }
}
