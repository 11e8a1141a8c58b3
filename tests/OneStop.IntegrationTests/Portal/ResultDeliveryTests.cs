using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

public sealed class ResultDeliveryTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string Address = "Số 12 đường Trần Đăng Ninh, phường Tam Thanh, tỉnh Lạng Sơn";

    [Fact]
    public async Task A_citizen_chooses_the_post_with_an_address_and_the_counter_sees_where_to_send_the_result()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, _) = await CitizenDossierBuilder.SubmittedAsync(citizen);

        var noAddress = await citizen.PutAsJsonAsync($"/api/v1/dossiers/{id}/delivery", new { delivery = "post", postalAddress = "" });
        var unknown = await citizen.PutAsJsonAsync($"/api/v1/dossiers/{id}/delivery", new { delivery = "pigeon" });
        var chosen = await citizen.PutAsJsonAsync($"/api/v1/dossiers/{id}/delivery", new { delivery = "post", postalAddress = Address });
        var read = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/delivery");
        var other = await app.CreateBearerClientAsync("hoang.thi.mai@demo.onestop.vn");
        var official = app.CreateClient();
        await official.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var workspace = await official.GetStringAsync($"/Workspace/Dossier/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, noAddress.StatusCode);
        Assert.Contains("Địa chỉ nhận qua bưu chính: bắt buộc nhập", await noAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("post", read.GetProperty("delivery").GetString());
        Assert.Equal(Address, read.GetProperty("postalAddress").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/dossiers/{id}/delivery")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.PutAsJsonAsync($"/api/v1/dossiers/{id}/delivery", new { delivery = "electronic" })).StatusCode);
        Assert.Contains("Nhận qua dịch vụ bưu chính", workspace, StringComparison.Ordinal);
        Assert.Contains(Address, workspace, StringComparison.Ordinal);

        var electronic = await citizen.PutAsJsonAsync($"/api/v1/dossiers/{id}/delivery", new { delivery = "electronic", postalAddress = Address });
        var body = await electronic.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("electronic", body.GetProperty("delivery").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("postalAddress").ValueKind);
    }

    [Fact]
    public async Task The_choice_is_captured_on_the_application_form_and_changed_on_the_dossier_page_until_the_dossier_closes()
    {
        var browser = app.CreateClient();
        await browser.SignInAsync(DemoAccounts.Citizen);

        var applied = await browser.PostFormAsync("/ho-so/nop/1.002804", new Dictionary<string, string>
        {
            ["f.licenceNumber"] = "200123456789", ["f.licenceClass"] = "B", ["Delivery"] = "Post", ["PostalAddress"] = Address,
        });
        var missing = await browser.PostFormAsync("/ho-so/nop/1.002804", new Dictionary<string, string>
        {
            ["f.licenceNumber"] = "200123456789", ["Delivery"] = "Post", ["PostalAddress"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains("Địa chỉ nhận qua bưu chính: bắt buộc nhập", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Guid draftId;
        await using (var db = app.Database.CreateContext())
        {
            var draft = await db.Dossiers.Where(d => d.PostalAddress == Address).SingleAsync();
            Assert.Equal(ResultDelivery.Post, draft.ResultDelivery);
            draftId = draft.Id;
        }

        var changed = await browser.PostFormAsync($"/ho-so/{draftId}?handler=Delivery",
            new Dictionary<string, string> { ["Delivery"] = "Electronic" }, await browser.GetStringAsync($"/ho-so/{draftId}"));
        Assert.Contains("Đã lưu cách nhận kết quả", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, _) = await CitizenDossierBuilder.SubmittedAsync(citizen);
        await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/withdraw", new { reason = "Không cần nữa" });
        var closed = await citizen.PutAsJsonAsync($"/api/v1/dossiers/{id}/delivery", new { delivery = "electronic" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        await using var after = app.Database.CreateContext();
        Assert.Equal(ResultDelivery.Electronic, (await after.Dossiers.SingleAsync(d => d.Id == draftId)).ResultDelivery);
    }
}
