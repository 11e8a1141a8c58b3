using OneStop.Cli.Hosting;
using OneStop.Legacy.Reporting;
using Spectre.Console;

namespace OneStop.Cli.Commands;

/// <summary>The end-of-run table: per legacy table, what the manifest said and where every row read went.</summary>
internal static class LegacyImportSummary
{
    public static void Write(ImportReport report, bool dryRun)
    {
        var table = new CliTable(dryRun ? "Chạy thử (không ghi vào cơ sở dữ liệu)" : "Kết quả nhập dữ liệu cũ",
            "Bảng", "Manifest", "Đọc", "Nhập", "Không đổi", "Trùng (bỏ)", "Mồ côi", "Cha bị loại", "Loại", "Cảnh báo");
        foreach (var (name, c) in report.Tables)
        {
            table.AddRow(name, c.ManifestRows?.ToString("N0") ?? "—", c.Read.ToString("N0"), c.Imported.ToString("N0"), c.Unchanged.ToString("N0"),
                c.Superseded.ToString("N0"), c.Orphaned.ToString("N0"), c.ParentRejected.ToString("N0"), c.Rejected.ToString("N0"), c.Warnings.ToString("N0"));
        }

        table.Write();
        var seconds = ((report.FinishedAt ?? report.StartedAt) - report.StartedAt).TotalSeconds;
        var rows = report.Tables.Values.Sum(t => t.Read);
        AnsiConsole.MarkupLine($"{report.Issues.Count:N0} vấn đề được ghi nhận (issues); {rows:N0} dòng trong {seconds:N1} s"
            + (seconds > 0 ? $" ({rows / seconds:N0} dòng/s)." : "."));
        AnsiConsole.MarkupLine(report.IsBalanced ? "[green]Mọi dòng đều được đối soát.[/]" : "[red]Tổng các cột không khớp số dòng đọc![/]");
    }
}
