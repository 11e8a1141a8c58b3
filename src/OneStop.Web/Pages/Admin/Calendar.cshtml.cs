using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Web.Features.Admin.Settings;

namespace OneStop.Web.Pages.Admin;

/// <summary>The working-day calendar: hours and cut-off, and each year's days off reviewed from the computed defaults.</summary>
public sealed class CalendarModel(CalendarAdmin calendar, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool Defaults { get; set; }
    [BindProperty(SupportsGet = true)] public string? Message { get; set; }
    [BindProperty] public string? DaysOff { get; set; }
    [BindProperty] public string? WorkingDays { get; set; }

    public CalendarAdmin.YearView View { get; private set; } = null!;
    public OneStop.Workflows.Calendar.WorkingCalendarOptions Effective => calendar.Effective;
    public int ThisYear => clock.GetUtcNow().ToOffset(VietnamTime.Offset).Year;

    public void OnGet() => Load(keepText: false);

    public Task<IActionResult> OnPostHoursAsync(TimeOnly? morningStart, TimeOnly? morningEnd, TimeOnly? afternoonStart, TimeOnly? afternoonEnd,
        TimeOnly? cutOff, int nationalDayCompanion, CancellationToken cancellationToken) =>
        RunAsync(() => calendar.SaveHoursAsync(morningStart, morningEnd, afternoonStart, afternoonEnd, cutOff, nationalDayCompanion, cancellationToken),
            "Đã lưu giờ làm việc.");

    public Task<IActionResult> OnPostYearAsync(CancellationToken cancellationToken) =>
        RunAsync(() => calendar.SaveYearAsync(Year ?? 0, DaysOff, WorkingDays, cancellationToken), $"Đã lưu lịch nghỉ lễ năm {Year}.");

    public Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken) =>
        RunAsync(() => calendar.ResetYearAsync(Year ?? 0, cancellationToken), $"Năm {Year} dùng lại danh sách mặc định.");

    private async Task<IActionResult> RunAsync(Func<Task> change, string done)
    {
        try
        {
            await change();
            return RedirectToPage(new { year = Year, message = done });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Load(keepText: true);
            return Page();
        }
    }

    private void Load(bool keepText)
    {
        Year = Year is >= 2000 and <= 2100 ? Year : ThisYear;
        View = Defaults ? calendar.Computed(Year.Value) : calendar.Year(Year.Value);
        if (!keepText)
        {
            DaysOff = CalendarAdmin.Format(View.DaysOff);
            WorkingDays = CalendarAdmin.Format(View.WorkingDays);
        }
    }
}
