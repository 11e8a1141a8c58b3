using System.Globalization;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Records;
using OneStop.Legacy.Reporting;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Definitions;
using OneStop.Core.Common;

namespace OneStop.Infrastructure.Legacy;

/// <summary>
/// What the import knows in memory about the routes of open dossiers (legacy procedure, status → workflow step):
/// <list type="bullet">
/// <item>an open dossier without a route is imported without a workflow instance and is in nobody's inbox, so it is reported as a
/// <see cref="IssueKind.NoWorkflow"/> warning on its ho_so line (and listed on /Admin/Legacy until a mapping gives it a workflow);</item>
/// <item>the step's timers are computed as the engine computes them when a step is entered (<c>SlaClock</c>), at the export's time:
/// the reminder at the step's <c>reminderBefore</c> of working time before the legacy due date (when there is that much working time
/// left), and for a supplement step the working time left until the due date, kept while the clock is paused.</item>
/// </list>
/// </summary>
internal sealed class LegacyRouteIndex(ImportReport report, WorkingCalendar calendar, DateTimeOffset enteredAt)
{
    private readonly Dictionary<(string Procedure, int Status), (bool Supplement, TimeSpan? ReminderLead)> _routes = [];
    private readonly DateTimeOffset _enteredAt = enteredAt.ToOffset(VietnamTime.Offset);

    /// <summary>The open dossiers reported without a workflow so far.</summary>
    public long Unrouted { get; private set; }

    /// <summary>Passes the route rows (see <see cref="LegacyRoutes.Columns"/>) through, remembering each (legacy procedure, status).</summary>
    public async IAsyncEnumerable<object?[]> Remember(IAsyncEnumerable<object?[]> routes)
    {
        await foreach (var route in routes)
        {
            TimeSpan? lead = WorkflowDuration.TryParse((string?)route[9], out var before)
                ? before.Unit == DurationUnit.WorkingDays ? calendar.WorkingDayLength * before.Amount : TimeSpan.FromHours(before.Amount)
                : null;
            _routes[((string)route[0]!, (int)route[1]!)] = ((string)route[5]! == "supplement", lead);
            yield return route;
        }
    }

    /// <summary>Reports the dossier when it is open and has no route.</summary>
    public void Check(AcceptedRow<LegacyDossier> row)
    {
        var d = row.Row;
        if (!d.IsOpen || _routes.ContainsKey((d.ProcedureCode, (int)d.Status)))
        {
            return;
        }

        Unrouted++;
        report.AddRowWarning(LegacyTables.Dossiers, new ImportIssue("ho_so.csv", d.Line, d.Code, IssueSeverity.Warning, IssueKind.NoWorkflow,
            string.Create(CultureInfo.InvariantCulture,
                $"Hồ sơ đang xử lý (trạng thái {(int)d.Status}) thuộc thủ tục {d.ProcedureCode} chưa có quy trình trong OneStop: hồ sơ được nhập nhưng chưa vào hộp việc của ai. Khai báo quy trình cho thủ tục (hoặc \"defaultWorkflow\"/\"steps\" trong tệp ánh xạ) rồi nhập lại gói; danh sách ở Quản trị › Nhập dữ liệu cũ.")),
            rowAlreadyWarned: row.Warnings.Count > 0);
    }

    /// <summary>
    /// The reminder time of an open dossier's task and, in a supplement step, the working time left on the paused clock
    /// (as the engine's JSON writes a TimeSpan); both null when the dossier has no route or no due date.
    /// </summary>
    public (DateTimeOffset? ReminderAt, string? Remaining) Timing(LegacyDossier d)
    {
        if (!d.IsOpen || d.DueAt is not { } due || !_routes.TryGetValue((d.ProcedureCode, (int)d.Status), out var route))
        {
            return (null, null);
        }

        var available = calendar.WorkingTimeBetween(_enteredAt, due);
        if (route.Supplement)
        {
            return (null, available.ToString("c", CultureInfo.InvariantCulture));
        }

        return route.ReminderLead is { } lead && available > lead
            ? (calendar.AddWorkingTime(_enteredAt, available - lead).ToUniversalTime(), null)
            : (null, null);
    }
}
