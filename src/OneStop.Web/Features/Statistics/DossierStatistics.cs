using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Core.Common;

namespace OneStop.Web.Features.Statistics;

/// <summary>
/// Received, in progress, completed on time or late, rejected, withdrawn — by agency, procedure and month — for one agency or all.
/// Lateness is judged against the dossier's original appointment (<see cref="Dossier.DueAt"/>): an apology's new date
/// (<see cref="Dossier.NewDueAt"/>) is tracked and counted, but never turns a late dossier into an on-time one.
/// </summary>
public sealed class DossierStatistics(OneStopDbContext db)
{
    private static readonly TimeSpan Vietnam = VietnamTime.Offset;

    public sealed record Counts(int Received, int InProgress, int OnTime, int Late, int Rejected, int Withdrawn, int Apologised)
    {
        public static readonly Counts Zero = new(0, 0, 0, 0, 0, 0, 0);

        public int Completed => OnTime + Late;

        /// <summary>Completed on time as a share of all completed, or null when nothing is completed yet.</summary>
        public double? OnTimeRate => Completed == 0 ? null : (double)OnTime / Completed;
    }

    public sealed record Row(string Label, Counts Counts, double? AverageDays);

    public sealed record Report(DateOnly From, DateOnly To, Counts Total, double? AverageDays, IReadOnlyList<Row> ByAgency,
        IReadOnlyList<Row> ByProcedure, IReadOnlyList<Row> ByMonth);

    /// <summary>The longest range a report covers (about ten years), so one request cannot ask for a century of months.</summary>
    public const int MaxDays = 3660;

    /// <summary>An agency a report can be narrowed to.</summary>
    public sealed record AgencyOption(Guid Id, string Code, string Name);

    /// <summary>Every agency, by name (administrators choose one).</summary>
    public async Task<IReadOnlyList<AgencyOption>> AgenciesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new AgencyOption(a.Id, a.Code, a.Name)).ToListAsync(cancellationToken);

    /// <summary>The name of the agency a leader's report is scoped to.</summary>
    public Task<string> AgencyNameAsync(Guid agencyId, CancellationToken cancellationToken) =>
        db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);

    public async Task<Report> BuildAsync(Guid? agencyId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Vietnam);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Vietnam);
        var rows = await (from d in db.Dossiers.AsNoTracking()
                          join p in db.Procedures on d.ProcedureId equals p.Id
                          join a in db.Agencies on d.AgencyId equals a.Id
                          where d.Status != DossierStatus.Draft && d.SubmittedAt >= start && d.SubmittedAt < end
                                && (agencyId == null || d.AgencyId == agencyId)
                          select new Fact(a.Name, p.Name, d.Status, d.SubmittedAt!.Value, d.ReceivedAt, d.DueAt, d.NewDueAt, d.CompletedAt))
            .ToListAsync(cancellationToken);

        var months = new List<Row>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var label = month.ToString("MM/yyyy", CultureInfo.InvariantCulture);
            var facts = rows.Where(r => Local(r.SubmittedAt).Year == month.Year && Local(r.SubmittedAt).Month == month.Month).ToList();
            months.Add(new Row(label, Count(facts), Average(facts)));
        }

        return new Report(from, to, Count(rows), Average(rows),
            rows.GroupBy(r => r.Agency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Row(g.Key, Count(g), Average(g))).ToList(),
            rows.GroupBy(r => r.Procedure).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Row(g.Key, Count(g), Average(g))).ToList(),
            months);
    }

    /// <summary>The report as CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese): totals, then by agency, procedure and month.</summary>
    public static byte[] ToCsv(Report report, string scope)
    {
        var csv = new StringBuilder();
        csv.Append("Thống kê giải quyết hồ sơ,").Append(Quote(scope)).Append(',')
            .Append(report.From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(',')
            .AppendLine(report.To.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        csv.AppendLine("Nhóm,Tên,Tiếp nhận,Đang xử lý,Đúng hạn,Quá hạn,Từ chối,Rút hồ sơ,Đã xin lỗi hẹn lại,Tỷ lệ đúng hạn,Thời gian giải quyết trung bình (ngày)");
        Append(csv, "Tổng cộng", new Row("Tổng cộng", report.Total, report.AverageDays));
        foreach (var row in report.ByAgency)
        {
            Append(csv, "Cơ quan", row);
        }

        foreach (var row in report.ByProcedure)
        {
            Append(csv, "Thủ tục", row);
        }

        foreach (var row in report.ByMonth)
        {
            Append(csv, "Tháng", row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A share as a whole percentage, e.g. "67%", or an empty string when there is nothing to share.</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? Math.Round(r * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%" : string.Empty;

    /// <summary>Days with one decimal, Vietnamese style (comma), or an empty string.</summary>
    public static string Days(double? days) => days is { } d ? d.ToString("0.0", CultureInfo.GetCultureInfo("vi-VN")) : string.Empty;

    private static void Append(StringBuilder csv, string group, Row row)
    {
        var c = row.Counts;
        csv.Append(Quote(group)).Append(',').Append(Quote(row.Label)).Append(',')
            .AppendJoin(',', c.Received, c.InProgress, c.OnTime, c.Late, c.Rejected, c.Withdrawn, c.Apologised)
            .Append(',').Append(Percent(c.OnTimeRate))
            .Append(',').AppendLine(row.AverageDays is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : string.Empty);
    }

    private static string Quote(string value) =>
        "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Vietnam);

    private static bool IsLate(Fact f) => f.CompletedAt is { } done && f.DueAt is { } due && done > due;

    private static double? Average(IEnumerable<Fact> facts)
    {
        var completed = facts.Where(r => r.Status == DossierStatus.Completed && r.CompletedAt is not null).ToList();
        return completed.Count == 0 ? null : completed.Average(r => (r.CompletedAt!.Value - (r.ReceivedAt ?? r.SubmittedAt)).TotalDays);
    }

    private static Counts Count(IEnumerable<Fact> facts)
    {
        var list = facts.ToList();
        return new Counts(list.Count,
            list.Count(f => f.Status is DossierStatus.Submitted or DossierStatus.InProgress or DossierStatus.WaitingForSupplement or DossierStatus.ResultReady),
            list.Count(f => f.Status == DossierStatus.Completed && !IsLate(f)),
            list.Count(f => f.Status == DossierStatus.Completed && IsLate(f)),
            list.Count(f => f.Status == DossierStatus.Rejected),
            list.Count(f => f.Status == DossierStatus.Withdrawn),
            list.Count(f => f.NewDueAt is not null));
    }

    private sealed record Fact(string Agency, string Procedure, DossierStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt,
        DateTimeOffset? DueAt, DateTimeOffset? NewDueAt, DateTimeOffset? CompletedAt);
}
