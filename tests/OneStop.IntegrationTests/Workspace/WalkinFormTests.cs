using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>The counter's walk-in form asks addresses as the citizen portal does, and checks them with the same rules.</summary>
public sealed partial class WalkinFormTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string CounterSxd = "tiepnhan.sxd@demo.onestop.vn";
    private const string Walkin = "/Workspace/Walkin?code=1.009994";
    private const string Portal = "/ho-so/nop/1.009994";

    [Fact]
    public async Task The_walk_in_form_offers_commune_and_province_for_an_address_like_the_portal()
    {
        var counter = app.CreateClient();
        await counter.SignInAsync(CounterSxd);
        var page = await counter.GetStringAsync(Walkin);

        Assert.Contains("name=\"f.address.detail\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"f.address.commune\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Phường Lương Văn Tri\">Phường Lương Văn Tri</option>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"f.address.province\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"f.address\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"ApplicantEmail\"", page, StringComparison.Ordinal);

        // The same partial renders both: the address block is the same markup on both pages.
        var citizen = app.CreateClient();
        await citizen.SignInAsync(DemoAccounts.Citizen);
        Assert.Equal(AddressBlock(await citizen.GetStringAsync(Portal)), AddressBlock(page));
    }

    [Theory]
    [InlineData("", "", "Địa điểm xây dựng: bắt buộc nhập.")]
    [InlineData("Số 5 ngõ 3 đường Bà Triệu", "", "Địa điểm xây dựng: chọn xã, phường.")]
    [InlineData("Số 5 ngõ 3 đường Bà Triệu", "Phường Không Có", "Địa điểm xây dựng: xã, phường \"Phường Không Có\" không có trong danh sách.")]
    public async Task The_counter_and_the_portal_refuse_the_same_address_with_the_same_message(string detail, string commune, string message)
    {
        var fields = new Dictionary<string, string>
        {
            ["f.address.detail"] = detail, ["f.address.commune"] = commune, ["f.address.province"] = "Lạng Sơn", ["f.area"] = "120",
        };
        var counter = app.CreateClient();
        await counter.SignInAsync(CounterSxd);
        var atCounter = await counter.PostFormAsync(Walkin, new Dictionary<string, string>(fields) { ["Code"] = "1.009994", ["ApplicantName"] = "Lương Văn Hải" });
        var citizen = app.CreateClient();
        await citizen.SignInAsync("hoang.thi.mai@demo.onestop.vn");
        var online = await citizen.PostFormAsync(Portal, fields);

        var counterHtml = WebUtility.HtmlDecode(await atCounter.Content.ReadAsStringAsync());
        var portalHtml = WebUtility.HtmlDecode(await online.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, atCounter.StatusCode);
        Assert.Contains(message, Errors(counterHtml));
        Assert.Contains(message, Errors(portalHtml));
        Assert.Contains("value=\"Lương Văn Hải\"", counterHtml, StringComparison.Ordinal);
        if (detail.Length > 0)
        {
            // What was typed stays (an unknown commune is kept with the detail, to be corrected).
            Assert.Contains($"value=\"{detail}", counterHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_walk_in_dossier_stores_the_address_as_one_line_and_the_applicants_email()
    {
        var counter = app.CreateClient(new() { AllowAutoRedirect = false });
        await counter.SignInAsync(CounterSxd);
        var bad = await counter.PostFormAsync(Walkin, new Dictionary<string, string>
        {
            ["Code"] = "1.009994", ["ApplicantName"] = "Lương Văn Hải", ["ApplicantEmail"] = "hai@", ["f.address.detail"] = "Thôn Nà Chuông",
            ["f.address.commune"] = "Phường Lương Văn Tri", ["f.address.province"] = "Lạng Sơn", ["f.area"] = "120",
        });
        Assert.Contains("E-mail người nộp: địa chỉ e-mail không hợp lệ.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var created = await counter.PostFormAsync(Walkin, new Dictionary<string, string>
        {
            ["Code"] = "1.009994", ["ApplicantName"] = "Lương Văn Hải", ["ApplicantEmail"] = "luong.van.hai@example.vn",
            ["f.address.detail"] = "Thôn Nà Chuông", ["f.address.commune"] = "Phường Lương Văn Tri", ["f.address.province"] = "Lạng Sơn", ["f.area"] = "120", ["f.floors"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        await using var db = app.Database.CreateContext();
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
        Assert.Equal("Thôn Nà Chuông, Phường Lương Văn Tri, Lạng Sơn", JsonNode.Parse(dossier.FormData)!["address"]!.GetValue<string>());
        Assert.Equal("luong.van.hai@example.vn", dossier.Applicant.Email);
        Assert.Null(dossier.ApplicantUserId);
    }

    private static List<string> Errors(string html) =>
        ErrorItem().Matches(html[Math.Max(0, html.IndexOf("data-testid=\"form-errors\"", StringComparison.Ordinal))..]).Select(m => m.Groups[1].Value.Trim()).ToList();

    private static string AddressBlock(string html)
    {
        var start = html.IndexOf("<fieldset class=\"mb-3\" data-address>", StringComparison.Ordinal);
        Assert.True(start >= 0, "no address block");
        return html[start..(html.IndexOf("</fieldset>", start, StringComparison.Ordinal) + "</fieldset>".Length)];
    }

    [GeneratedRegex("<li>([^<]*)</li>")]
    private static partial Regex ErrorItem();
}
