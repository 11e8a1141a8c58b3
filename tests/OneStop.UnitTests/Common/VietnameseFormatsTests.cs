using OneStop.Core.Common;

namespace OneStop.UnitTests.Common;

public sealed class VietnameseFormatsTests
{
    [Theory]
    [InlineData("001203004567", true)]
    [InlineData("020090001", true)]
    [InlineData("0012030045678", false)]
    [InlineData("00120300456", false)]
    [InlineData("00120300456a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsIdNumber_accepts_12_digit_CCCD_and_9_digit_CMND_only(string? value, bool expected) =>
        Assert.Equal(expected, VietnameseFormats.IsIdNumber(value));

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("912345678", null)]
    [InlineData("12", null)]
    [InlineData("", null)]
    public void NormalizePhone_keeps_ten_digits_starting_with_zero(string value, string? expected) =>
        Assert.Equal(expected, VietnameseFormats.NormalizePhone(value));

    [Fact]
    public void Dates_are_day_month_year_and_money_uses_dots()
    {
        Assert.Equal("05/12/2026", VietnameseFormats.Date(new DateOnly(2026, 12, 5)));
        Assert.Equal("14:30 05/12/2026", VietnameseFormats.DateTime(new DateTimeOffset(2026, 12, 5, 14, 30, 0, TimeSpan.FromHours(7))));
        Assert.Equal("1.500.000 đ", VietnameseFormats.Money(1_500_000m));
    }

    [Fact]
    public void MaskIdNumber_shows_only_the_last_four_digits() =>
        Assert.Equal("********4567", VietnameseFormats.MaskIdNumber("001203004567"));
}
