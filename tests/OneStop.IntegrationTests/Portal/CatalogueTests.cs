using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

public sealed class CatalogueTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Theory]
    [InlineData("giay phep lai xe", "1.002804")]
    [InlineData("GIẤY PHÉP LÁI XE", "1.002804")]
    [InlineData("lai xe giay phep", "1.002804")]
    [InlineData("khai sinh", "1.001193")]
    [InlineData("ly lich tu phap", "2.000488")]
    [InlineData("1.009994", "1.009994")]
    [InlineData("ho kinh doanh", "1.001612")]
    public async Task Search_ignores_diacritics_case_and_word_order(string q, string expected)
    {
        var page = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/procedures?q={Uri.EscapeDataString(q)}");

        var codes = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal([expected], codes);
    }

    [Fact]
    public async Task Search_treats_wildcards_as_text_and_finds_nothing_for_nonsense()
    {
        var client = app.CreateClient();

        var percent = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=%25");
        var nonsense = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=xyzzy");
        var nul = await client.GetAsync("/api/v1/procedures?q=%00%27");
        var nulLookup = await client.GetAsync("/api/v1/lookup/SGTVT-261128-0001?key=%00%00%00%00%00%00%00%00%00%00");
        Assert.Equal(HttpStatusCode.OK, nul.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nulLookup.StatusCode);

        Assert.Equal(0, percent.GetProperty("total").GetInt32());
        Assert.Equal(0, nonsense.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_catalogue_filters_by_field_and_agency()
    {
        var client = app.CreateClient();

        var byField = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?field=HO-TICH");
        var byAgency = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?agency=SXD");

        Assert.Equal("1.001193", byField.GetProperty("items")[0].GetProperty("code").GetString());
        Assert.Equal(1, byField.GetProperty("total").GetInt32());
        Assert.Equal("1.009994", byAgency.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_procedure_says_what_is_needed_what_it_costs_and_how_long_it_takes()
    {
        var client = app.CreateClient();

        var detail = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.002804");
        var page = await client.GetStringAsync("/thu-tuc/1.002804");
        var missing = await client.GetAsync("/api/v1/procedures/9.999999");

        Assert.Equal(135000, detail.GetProperty("fee").GetDecimal());
        Assert.Equal(5, detail.GetProperty("processingDays").GetInt32());
        Assert.Equal(3, detail.GetProperty("requiredDocuments").GetArrayLength());
        Assert.Contains("Giấy khám sức khỏe của người lái xe", page, StringComparison.Ordinal);
        Assert.Contains("135.000 đ", page, StringComparison.Ordinal);
        Assert.Contains("5 ngày làm việc", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_catalogue_page_searches_without_diacritics()
    {
        var html = await app.CreateClient().GetStringAsync("/thu-tuc?q=giay+phep+xay+dung");

        Assert.Contains("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", html, StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 1 thủ tục.", html, StringComparison.Ordinal);
    }
}
