using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Admin;

public sealed class OrganisationAdminTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        return admin;
    }

    private async Task<Guid> AgencyIdAsync(string code)
    {
        await using var db = app.Database.CreateContext();
        return await db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task An_administrator_adds_an_agency_under_the_province_and_it_is_in_the_tree_and_the_audit_log()
    {
        var admin = await AdminAsync();
        var province = await AgencyIdAsync("UBND-LS");
        var created = await admin.PostFormAsync("/Admin/Organisation?handler=Create", new Dictionary<string, string>
        {
            ["Input.Code"] = "x-tanthanh", ["Input.Name"] = "Ủy ban nhân dân xã Tân Thành", ["Input.Identifier"] = "000.09.00.H39",
            ["Input.Kind"] = "Commune", ["Input.ParentId"] = province.ToString(),
        });
        var page = await created.Content.ReadAsStringAsync();
        Assert.Contains("Đã thêm cơ quan Ủy ban nhân dân xã Tân Thành.", page, StringComparison.Ordinal);

        var tree = await admin.GetStringAsync("/Admin/Organisation");
        Assert.Contains("data-code=\"X-TANTHANH\"", tree, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        var id = (await AgencyIdAsync("X-TANTHANH")).ToString();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "Agency.Created" && a.EntityId == id && a.UserName == DemoAccounts.Admin));
    }

    [Theory]
    [InlineData("SGTVT", "Sở mới", "000.00.99.H39", "Mã cơ quan SGTVT đã được dùng")]
    [InlineData("SMOI", "", "000.00.99.H39", "Vui lòng nhập tên cơ quan.")]
    [InlineData("SMOI", "Sở mới", "", "Vui lòng nhập mã định danh điện tử")]
    [InlineData("SỞ MỚI", "Sở mới", "000.00.99.H39", "không hợp lệ")]
    public async Task Invalid_agencies_are_refused_with_a_vietnamese_message(string code, string name, string identifier, string message)
    {
        var admin = await AdminAsync();
        var response = await admin.PostFormAsync("/Admin/Organisation?handler=Create", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = name, ["Input.Identifier"] = identifier, ["Input.Kind"] = "ProvincialDepartment",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_cannot_be_placed_under_its_own_descendant()
    {
        var admin = await AdminAsync();
        var province = await AgencyIdAsync("UBND-LS");
        var commune = await AgencyIdAsync("P-DK");
        var path = $"/Admin/Organisation/Agency?id={province}";
        var response = await admin.PostFormAsync($"{path}&handler=Update", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ủy ban nhân dân tỉnh Lạng Sơn", ["Input.Identifier"] = "000.00.00.H39", ["Input.Kind"] = "Province",
            ["Input.ParentId"] = commune.ToString(),
        }, await admin.GetStringAsync(path));
        Assert.Contains("một cơ quan trực thuộc nó", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Communes_merged_on_1_July_2025_close_naming_their_successor_and_take_no_new_dossiers()
    {
        var admin = await AdminAsync();
        var closed = await AgencyIdAsync("X-CL");
        var successor = await AgencyIdAsync("P-DK");
        var path = $"/Admin/Organisation/Agency?id={closed}";
        var response = await admin.PostFormAsync($"{path}&handler=Close", new Dictionary<string, string>
        {
            ["closedOn"] = "2025-07-01", ["successorId"] = successor.ToString(),
        }, await admin.GetStringAsync(path));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Đã giải thể từ 01/07/2025; cơ quan kế thừa: Ủy ban nhân dân phường Đông Kinh", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"close-agency\"", page, StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var agency = await db.Agencies.SingleAsync(a => a.Id == closed);
        Assert.Equal(new DateOnly(2025, 7, 1), agency.ClosedOn);
        Assert.Equal(successor, agency.SuccessorId);
        Assert.True(await db.Departments.AnyAsync(d => d.AgencyId == closed), "departments (history) stay");

        var noDate = await admin.PostFormAsync($"/Admin/Organisation/Agency?id={successor}&handler=Close", new Dictionary<string, string>(),
            await admin.GetStringAsync($"/Admin/Organisation/Agency?id={successor}"));
        Assert.Contains("Vui lòng nhập ngày giải thể", await noDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_agency_takes_no_new_dossier_for_its_procedures()
    {
        await using (var db = app.Database.CreateContext())
        {
            var sgtvt = await db.Agencies.SingleAsync(a => a.Code == "SGTVT");
            sgtvt.Close(new DateOnly(2026, 1, 1), null);
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => new DossierScenario(app.Services).SubmitDrivingLicenceAsync());
        Assert.Equal("dossier.agency_closed", refused.Code);
    }

    [Fact]
    public async Task Departments_and_one_stop_desks_are_added_with_their_rules()
    {
        var admin = await AdminAsync();
        var stp = await AgencyIdAsync("STP");
        var path = $"/Admin/Organisation/Agency?id={stp}";
        var added = await admin.PostFormAsync($"{path}&handler=AddDepartment",
            new Dictionary<string, string> { ["code"] = "BTTP", ["name"] = "Phòng Bổ trợ tư pháp" }, await admin.GetStringAsync(path));
        Assert.Contains("Đã thêm phòng ban.", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var duplicate = await admin.PostFormAsync($"{path}&handler=AddDepartment",
            new Dictionary<string, string> { ["code"] = "BTTP", ["name"] = "Trùng" }, await admin.GetStringAsync(path));
        Assert.Contains("Cơ quan STP đã có phòng ban mã BTTP.", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var plain = await db.Departments.Where(d => d.AgencyId == stp && d.Code == "BTTP").Select(d => d.Id).SingleAsync();
        var counter = await db.Departments.Where(d => d.AgencyId == stp && d.IsReception).Select(d => d.Id).SingleAsync();
        var wrong = await admin.PostFormAsync($"{path}&handler=AddCounter",
            new Dictionary<string, string> { ["departmentId"] = plain.ToString(), ["code"] = "Q01", ["name"] = "Quầy 1" }, await admin.GetStringAsync(path));
        Assert.Contains("không phải Bộ phận một cửa", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var desk = await admin.PostFormAsync($"{path}&handler=AddCounter", new Dictionary<string, string>
        {
            ["departmentId"] = counter.ToString(), ["code"] = "Q01", ["name"] = "Quầy số 1 — Hộ tịch", ["location"] = "Tầng 1",
        }, await admin.GetStringAsync(path));
        var page = await desk.Content.ReadAsStringAsync();
        Assert.Contains("Đã thêm quầy.", page, StringComparison.Ordinal);
        Assert.Contains("Quầy số 1 — Hộ tịch", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Citizen)]
    [InlineData(DemoAccounts.LeaderSgtvt)]
    public async Task Non_administrators_get_403_on_the_organisation_pages(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Organisation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Admin/Organisation/Agency?id={await AgencyIdAsync("STP")}")).StatusCode);
    }
}
