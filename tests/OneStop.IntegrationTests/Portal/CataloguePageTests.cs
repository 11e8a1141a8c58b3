using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

public sealed class CataloguePageTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Browsing_by_field_lists_only_that_fields_procedures()
    {
        var html = await app.CreateClient().GetStringAsync("/thu-tuc?field=HO-TICH");

        Assert.Contains("Đăng ký khai sinh", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cấp đổi giấy phép lái xe", html, StringComparison.Ordinal);
        Assert.Contains("Hộ tịch (1)", html, StringComparison.Ordinal);
    }
}
