using OneStop.Core.Common;

namespace OneStop.UnitTests.Common;

public sealed class VietnamTimeTests
{
    [Fact]
    public void Dates_and_times_are_shown_in_Vietnam_time_whatever_the_offset_they_carry()
    {
        // 20:30 UTC on 4 December is 03:30 on 5 December in Vietnam.
        var instant = new DateTimeOffset(2026, 12, 4, 20, 30, 0, TimeSpan.Zero);

        Assert.Equal("05/12/2026", VietnameseFormats.Date(instant));
        Assert.Equal("03:30 05/12/2026", VietnameseFormats.DateTime(instant));
        Assert.Equal(new DateOnly(2026, 12, 5), VietnamTime.DateOf(instant));
        Assert.Equal(instant, VietnamTime.At(new DateOnly(2026, 12, 5), new TimeOnly(3, 30)));
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.StartOf(new DateOnly(2026, 12, 5)).Offset);
    }
}
