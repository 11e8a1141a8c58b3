using System.Globalization;

namespace OneStop.Legacy.Reporting;

/// <summary>Writes the human-readable report.md: a summary table per table and the list of reported rows.</summary>
public static class ImportReportMarkdown
{
    public static string Render(ImportReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer);
        return writer.ToString();
    }

    public static void Write(ImportReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("# Báo cáo chuyển đổi dữ liệu / Legacy import report");
        writer.WriteLine();
        writer.WriteLine($"- Gói dữ liệu / Bundle: `{report.Bundle}`");
        writer.WriteLine($"- Hệ thống nguồn / Source system: {report.SourceSystem}");
        writer.WriteLine($"- Chạy thử / Dry run: {(report.DryRun ? "có / yes" : "không / no")}");
        writer.WriteLine($"- Bắt đầu / Started: {report.StartedAt:yyyy-MM-dd HH:mm:ss zzz}");
        writer.WriteLine($"- Kết thúc / Finished: {report.FinishedAt?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "—"}");
        writer.WriteLine($"- Cân đối / Balanced: {(report.IsBalanced ? "có / yes" : "KHÔNG / NO")}");
        writer.WriteLine();
        WriteTables(report, writer);
        WriteIssues(report, writer);
    }

    private static void WriteTables(ImportReport report, TextWriter writer)
    {
        writer.WriteLine("## Số liệu theo bảng / Counts per table");
        writer.WriteLine();
        writer.WriteLine("| Bảng / table | manifest | đọc / read | nhập / imported | không đổi / unchanged | bị thay / superseded | mồ côi / orphaned | hồ sơ cha bị từ chối / parent rejected | từ chối / rejected | cảnh báo / warnings |");
        writer.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (table, c) in report.Tables)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {table} | {c.ManifestRows?.ToString(CultureInfo.InvariantCulture) ?? "—"} | {c.Read} | {c.Imported} | {c.Unchanged} | {c.Superseded} | {c.Orphaned} | {c.ParentRejected} | {c.Rejected} | {c.Warnings} |"));
        }

        writer.WriteLine();
    }

    private static void WriteIssues(ImportReport report, TextWriter writer)
    {
        writer.WriteLine($"## Các dòng được báo cáo / Reported rows ({report.Issues.Count})");
        writer.WriteLine();
        if (report.Issues.Count == 0)
        {
            writer.WriteLine("Không có. / None.");
            return;
        }

        writer.WriteLine("| Tệp / file | Dòng / line | Khóa / key | Mức / severity | Loại / kind | Lý do / reason |");
        writer.WriteLine("|---|---:|---|---|---|---|");
        foreach (var issue in report.Issues)
        {
            var severity = issue.Severity == IssueSeverity.Error ? "lỗi / error" : "cảnh báo / warning";
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {issue.File} | {issue.Line} | {Cell(issue.Key)} | {severity} | {Kind(issue.Kind)} | {Cell(issue.Message)} |"));
        }
    }

    private static string Kind(IssueKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
