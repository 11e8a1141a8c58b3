using System.Net;
using System.Net.Http.Headers;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>The legacy import console checks what is uploaded before anything is queued: a capped mapping, a real zip.</summary>
public sealed class LegacyUploadTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task A_mapping_past_its_cap_is_refused_unread()
    {
        var response = await UploadAsync([0x50, 0x4B, 0x03, 0x04, 0, 0], new string(' ', 1024 * 1024 + 10) + "{}");

        Assert.Contains("Tệp ánh xạ quá lớn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_named_zip_that_is_not_one_is_refused_and_nothing_is_queued()
    {
        var response = await UploadAsync("<html>not a zip</html>"u8.ToArray(), null);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("không phải tệp .zip", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã bắt đầu nhập", html, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] bundle, string? mapping)
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var page = await admin.GetStringAsync("/Admin/Legacy");
        var token = PageForms.AntiforgeryToken(page) ?? string.Empty;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bundle);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "bundle", "xuat-du-lieu.zip");
        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping", "mapping.json");
        }

        var response = await admin.PostAsync("/Admin/Legacy?handler=Upload", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
