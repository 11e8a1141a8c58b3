using System.Globalization;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Infrastructure.Settings;
using OneStop.Workflows.Calendar;

namespace OneStop.Web.Features.Admin.Settings;

/// <summary>Working hours, the afternoon cut-off and each year's days off and compensating working days, reviewed and stored.</summary>
public sealed class CalendarAdmin(SettingsCache cache, SettingsStore store, IOptions<WorkingCalendarOptions> configured)
{
    public enum Source { Reviewed, Shipped, Computed }

    public sealed record YearView(int Year, Source Source, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> WorkingDays);

    public WorkingCalendarOptions Effective => CalendarSource.Options(cache.Current, configured.Value);

    /// <summary>The year's list as it applies now: reviewed in the database, shipped with OneStop, or computed from the Labour Code.</summary>
    public YearView Year(int year)
    {
        if (cache.Current.Years.FirstOrDefault(y => y.Year == year) is { } stored)
        {
            return new YearView(year, Source.Reviewed, stored.DaysOff, stored.WorkingDays);
        }

        return configured.Value.OfficialYears.LastOrDefault(y => y.Year == year) is { } shipped
            ? new YearView(year, Source.Shipped, shipped.DaysOff.Order().ToList(), shipped.WorkingDays.Order().ToList())
            : Computed(year);
    }

    /// <summary>The computed defaults (2019 Labour Code, lunar Tết and Giỗ Tổ) offered for review.</summary>
    public YearView Computed(int year) =>
        new(year, Source.Computed, DefaultHolidays.For(year, Effective.NationalDayCompanion).Order().ToList(), []);

    public async Task SaveHoursAsync(TimeOnly? morningStart, TimeOnly? morningEnd, TimeOnly? afternoonStart, TimeOnly? afternoonEnd, TimeOnly? cutOff,
        int nationalDayCompanion, CancellationToken cancellationToken)
    {
        if (morningStart is null || morningEnd is null || afternoonStart is null || afternoonEnd is null || cutOff is null)
        {
            throw new DomainException("calendar.hours_required", "Vui lòng nhập đủ giờ bắt đầu, kết thúc của buổi sáng, buổi chiều và giờ chốt tiếp nhận.");
        }

        if (morningEnd <= morningStart || afternoonEnd <= afternoonStart)
        {
            throw new DomainException("calendar.period_order", "Giờ kết thúc của mỗi buổi phải sau giờ bắt đầu.");
        }

        if (afternoonStart < morningEnd)
        {
            throw new DomainException("calendar.period_overlap", "Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc.");
        }

        if (cutOff <= morningStart || cutOff > afternoonEnd)
        {
            throw new DomainException("calendar.cutoff_outside", "Giờ chốt tiếp nhận buổi chiều phải nằm trong giờ làm việc.");
        }

        if (nationalDayCompanion is not (1 or 3))
        {
            throw new DomainException("calendar.companion", "Ngày nghỉ kèm Quốc khánh 2/9 là ngày 1/9 hoặc 3/9.");
        }

        await store.SaveAsync(SettingSections.Calendar, new CalendarSettings(
            [new WorkingPeriod(morningStart.Value, morningEnd.Value), new WorkingPeriod(afternoonStart.Value, afternoonEnd.Value)],
            cutOff.Value, nationalDayCompanion), null, cancellationToken);
    }

    /// <summary>Stores a year's reviewed list; every date must be in the year and every compensating day a Saturday or Sunday.</summary>
    public async Task SaveYearAsync(int year, string? daysOff, string? workingDays, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainException("calendar.year", "Năm phải từ 2000 đến 2100.");
        }

        var off = Parse(daysOff, year, "ngày nghỉ");
        var work = Parse(workingDays, year, "ngày làm bù");
        if (work.FirstOrDefault(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) is { DayNumber: > 0 } weekday)
        {
            throw new DomainException("calendar.working_day_weekday", $"Ngày làm bù {VietnameseFormats.Date(weekday)} phải là thứ Bảy hoặc Chủ nhật.");
        }

        if (off.Intersect(work).FirstOrDefault() is { DayNumber: > 0 } both)
        {
            throw new DomainException("calendar.both", $"Ngày {VietnameseFormats.Date(both)} không thể vừa là ngày nghỉ vừa là ngày làm bù.");
        }

        await store.SaveYearAsync(year, off, work, cancellationToken);
    }

    public Task ResetYearAsync(int year, CancellationToken cancellationToken) => store.DeleteYearAsync(year, cancellationToken);

    public static string Format(IEnumerable<DateOnly> dates) => string.Join("\n", dates.Select(d => VietnameseFormats.Date(d)));

    private static HashSet<DateOnly> Parse(string? text, int year, string what)
    {
        var dates = new HashSet<DateOnly>();
        foreach (var line in (text ?? string.Empty).Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(line, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new DomainException("calendar.date_invalid", $"'{line}' trong danh sách {what} không phải ngày hợp lệ (dd/MM/yyyy).");
            }

            if (date.Year != year)
            {
                throw new DomainException("calendar.date_year", $"Ngày {VietnameseFormats.Date(date)} trong danh sách {what} không thuộc năm {year}.");
            }

            dates.Add(date);
        }

        return dates;
    }
}
