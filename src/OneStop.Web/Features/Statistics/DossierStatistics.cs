using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Features.Statistics;

/// <summary>Received, in progress, completed on time or late, rejected, withdrawn — by procedure and by month — for one agency or all.</summary>
public sealed class DossierStatistics(OneStopDbContext db)
{
    public sealed record Counts(int Received, int InProgress, int OnTime, int Late, int Rejected, int Withdrawn)
    {
        public int Completed => OnTime + Late;

        /// <summary>Completed on time as a share of all completed, or null when nothing is completed yet.</summary>
        public double? OnTimeRate => Completed == 0 ? null : (double)OnTime / Completed;
    }

    public sealed record Row(string Label, Counts Counts);

    public sealed record Report(DateOnly From, DateOnly To, Counts Total, double? AverageDays, IReadOnlyList<Row> ByProcedure, IReadOnlyList<Row> ByMonth);

    public async Task<Report> BuildAsync(Guid? agencyId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        var rows = await (from d in db.Dossiers.AsNoTracking()
                          join p in db.Procedures on d.ProcedureId equals p.Id
                          where d.Status != DossierStatus.Draft && d.SubmittedAt >= start && d.SubmittedAt < end
                                && (agencyId == null || d.AgencyId == agencyId)
                          select new Fact(p.Name, d.Status, d.SubmittedAt!.Value, d.ReceivedAt, d.DueAt, d.CompletedAt)).ToListAsync(cancellationToken);
        var completed = rows.Where(r => r.Status == DossierStatus.Completed && r.CompletedAt is not null).ToList();
        double? average = completed.Count == 0 ? null
            : completed.Average(r => (r.CompletedAt!.Value - (r.ReceivedAt ?? r.SubmittedAt)).TotalDays);
        return new Report(from, to, Count(rows), average,
            rows.GroupBy(r => r.Procedure).OrderBy(g => g.Key).Select(g => new Row(g.Key, Count(g))).ToList(),
            rows.GroupBy(r => r.SubmittedAt.ToOffset(TimeSpan.FromHours(7)).ToString("MM/yyyy", CultureInfo.InvariantCulture))
                .OrderBy(g => g.Min(r => r.SubmittedAt)).Select(g => new Row(g.Key, Count(g))).ToList());
    }

    /// <summary>The report as CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese).</summary>
    public static byte[] ToCsv(Report report)
    {
        var csv = new StringBuilder();
        csv.AppendLine("Nhóm,Tiếp nhận,Đang xử lý,Đúng hạn,Quá hạn,Từ chối,Rút hồ sơ,Tỷ lệ đúng hạn");
        foreach (var row in report.ByProcedure.Prepend(new Row("Tổng cộng", report.Total)))
        {
            var c = row.Counts;
            csv.Append(Quote(row.Label)).Append(',').AppendJoin(',', c.Received, c.InProgress, c.OnTime, c.Late, c.Rejected, c.Withdrawn)
                .Append(',').AppendLine(c.OnTimeRate is { } rate ? rate.ToString("P1", CultureInfo.InvariantCulture) : string.Empty);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Quote(string value) =>
        "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static Counts Count(IEnumerable<Fact> facts)
    {
        var list = facts.ToList();
        bool Late(Fact f) => f.CompletedAt is { } done && f.DueAt is { } due && done > due;
        return new Counts(list.Count,
            list.Count(f => f.Status is DossierStatus.Submitted or DossierStatus.InProgress or DossierStatus.WaitingForSupplement or DossierStatus.ResultReady),
            list.Count(f => f.Status == DossierStatus.Completed && !Late(f)),
            list.Count(f => f.Status == DossierStatus.Completed && Late(f)),
            list.Count(f => f.Status == DossierStatus.Rejected),
            list.Count(f => f.Status == DossierStatus.Withdrawn));
    }

    private sealed record Fact(string Procedure, DossierStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt,
        DateTimeOffset? CompletedAt);
}
