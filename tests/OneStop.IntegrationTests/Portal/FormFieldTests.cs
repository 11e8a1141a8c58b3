using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using OneStop.Core.Procedures;
using OneStop.Testing;
using OneStop.Web.Pages.Shared;

namespace OneStop.IntegrationTests.Portal;

public sealed class FormFieldTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string Construction = "/ho-so/nop/1.009994";

    [Fact]
    public async Task An_address_is_typed_as_detail_commune_and_province_stored_as_one_line_and_shown_again_when_the_draft_resumes()
    {
        var browser = app.CreateClient();
        await browser.SignInAsync("hoang.thi.mai@demo.onestop.vn");
        var page = await browser.GetStringAsync(Construction);

        Assert.Contains("name=\"f.address.commune\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Phường Lương Văn Tri\">Phường Lương Văn Tri</option>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"f.address.province\"", page, StringComparison.Ordinal);

        var saved = await browser.PostFormAsync(Construction + "?handler=Autosave", new Dictionary<string, string>
        {
            ["f.address.detail"] = "Số 5 ngõ 3 đường Bà Triệu", ["f.address.commune"] = "Phường Lương Văn Tri", ["f.address.province"] = "Lạng Sơn",
            ["f.area"] = "120",
        }, page);
        var draftId = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draftId").GetGuid();
        await using (var db = app.Database.CreateContext())
        {
            var data = JsonNode.Parse((await db.Dossiers.SingleAsync(d => d.Id == draftId)).FormData)!;
            Assert.Equal("Số 5 ngõ 3 đường Bà Triệu, Phường Lương Văn Tri, Lạng Sơn", data["address"]!.GetValue<string>());
            Assert.Equal(120m, data["area"]!.GetValue<decimal>());
        }

        var resumed = await browser.GetStringAsync(Construction);
        Assert.Contains("data-testid=\"resumed\"", resumed, StringComparison.Ordinal);
        Assert.Contains($"value=\"{draftId}\"", resumed, StringComparison.Ordinal);
        Assert.Contains("value=\"Số 5 ngõ 3 đường Bà Triệu\"", resumed, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Phường Lương Văn Tri\" selected=\"selected\">", resumed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autosave_updates_the_same_draft_and_another_citizen_cannot_write_into_it()
    {
        var browser = app.CreateClient();
        await browser.SignInAsync(DemoAccounts.Citizen);
        var page = await browser.GetStringAsync("/ho-so/nop/1.002804");
        var first = await browser.PostFormAsync("/ho-so/nop/1.002804?handler=Autosave",
            new Dictionary<string, string> { ["f.licenceNumber"] = "2001" }, page);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draftId").GetGuid();
        var second = await browser.PostFormAsync("/ho-so/nop/1.002804?handler=Autosave", new Dictionary<string, string>
        {
            ["DraftId"] = id.ToString(), ["f.licenceNumber"] = "200123456789", ["f.licenceClass"] = "C", ["Delivery"] = "Post",
            ["PostalAddress"] = "Số 12 đường Bà Triệu, phường Lương Văn Tri, Lạng Sơn",
        }, page);
        var stranger = app.CreateClient();
        await stranger.SignInAsync("hoang.thi.mai@demo.onestop.vn");
        var intrusion = await stranger.PostFormAsync("/ho-so/nop/1.002804?handler=Autosave",
            new Dictionary<string, string> { ["DraftId"] = id.ToString(), ["f.licenceNumber"] = "999" }, await stranger.GetStringAsync("/ho-so/nop/1.002804"));

        Assert.Equal(id, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draftId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, intrusion.StatusCode);
        await using var db = app.Database.CreateContext();
        var draft = await db.Dossiers.SingleAsync(d => d.Id == id);
        Assert.Equal("C", JsonNode.Parse(draft.FormData)!["licenceClass"]!.GetValue<string>());
        Assert.Equal("200123456789", JsonNode.Parse(draft.FormData)!["licenceNumber"]!.GetValue<string>());
        Assert.Equal(OneStop.Core.Dossiers.ResultDelivery.Post, draft.ResultDelivery);
    }

    [Fact]
    public async Task The_form_carries_browser_checks_and_repeating_groups_with_a_row_template()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var editor = await admin.GetStringAsync("/Admin/Procedures/Edit");
        const string schema = """
            [
              { "name": "soCccd", "label": "Số CCCD", "type": "idNumber", "required": true },
              { "name": "thanhVien", "label": "Thành viên hộ gia đình", "type": "group", "fields": [
                  { "name": "hoTen", "label": "Họ và tên", "type": "text", "required": true },
                  { "name": "namSinh", "label": "Năm sinh", "type": "number", "min": 1900, "max": 2026 } ] }
            ]
            """;
        var preview = await (await admin.PostFormAsync("/Admin/Procedures/Edit?handler=Preview",
            new Dictionary<string, string> { ["Input.FormJson"] = schema }, editor)).Content.ReadAsStringAsync();

        Assert.Contains("pattern=\"[0-9]{9}|[0-9]{12}\"", preview, StringComparison.Ordinal);
        Assert.Contains("data-pattern-message=\"phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND).\"", preview, StringComparison.Ordinal);
        Assert.Contains("name=\"f.thanhVien[0].hoTen\"", preview, StringComparison.Ordinal);
        Assert.Contains("name=\"f.thanhVien[__i__].namSinh\"", preview, StringComparison.Ordinal);
        Assert.Contains("data-add-row", preview, StringComparison.Ordinal);
        Assert.Contains("min=\"1900\"", preview, StringComparison.Ordinal);

        var citizen = app.CreateClient();
        await citizen.SignInAsync(DemoAccounts.Citizen);
        var apply = await citizen.GetStringAsync("/ho-so/nop/1.002804");
        Assert.Contains("data-validate", apply, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/forms[^\"]*\\.js", apply);
        var script = await citizen.GetAsync("/js/forms.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("bắt buộc nhập", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Group_rows_are_read_in_order_without_the_rows_left_empty_and_numbers_stay_numbers()
    {
        var schema = new List<FormField>
        {
            new("thanhVien", "Thành viên", FormFieldType.Group)
            {
                Fields = [new("hoTen", "Họ và tên", FormFieldType.Text, true), new("namSinh", "Năm sinh", FormFieldType.Number)],
            },
            new("diaChi", "Địa chỉ", FormFieldType.Address),
        };
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["f.thanhVien[0].hoTen"] = "Nguyễn Văn An", ["f.thanhVien[0].namSinh"] = "1980",
            ["f.thanhVien[3].hoTen"] = "Nguyễn Thị Bình",
            ["f.thanhVien[5].hoTen"] = "", ["f.thanhVien[5].namSinh"] = "",
            ["f.diaChi.detail"] = "", ["f.diaChi.commune"] = "", ["f.diaChi.province"] = "Lạng Sơn",
        });

        var data = FormReader.Read(form, schema);

        var rows = data["thanhVien"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal(1980m, rows[0]!["namSinh"]!.GetValue<decimal>());
        Assert.Equal("Nguyễn Thị Bình", rows[1]!["hoTen"]!.GetValue<string>());
        Assert.False(data.ContainsKey("diaChi"));
    }
}
