using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cli.Hosting;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Database.Backup;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>
/// onestop db restore FILE: restores a backup into an empty database and the file store. Every checksum is checked before anything is
/// written (exit 2 when one fails, or the database is not empty); the rows are counted again after (exit 1 when a count differs).
/// </summary>
internal sealed class RestoreCommand : AsyncCommand<RestoreCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The archive written by 'onestop db backup'.")]
        public string File { get; init; } = string.Empty;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CliHost.RunScopedAsync(async services =>
        {
            var connection = DatabaseOptions.ResolveConnectionString(services.GetRequiredService<IConfiguration>())!;
            var report = await services.GetRequiredService<DatabaseBackup>().RestoreAsync(connection, Path.GetFullPath(settings.File), cancellationToken);

            var table = new CliTable("Khôi phục / restore", "Phần", "Bản sao lưu", "Sau khôi phục");
            table.AddRow("Bảng (tables)", report.Manifest.Tables.Count.ToString(CultureInfo.InvariantCulture), report.Counted.Count.ToString(CultureInfo.InvariantCulture));
            table.AddRow("Dòng (rows)", report.Manifest.Tables.Values.Sum().ToString(CultureInfo.InvariantCulture),
                report.Counted.Values.Sum().ToString(CultureInfo.InvariantCulture));
            table.AddRow("Tệp (files)", report.Manifest.Files.Count.ToString(CultureInfo.InvariantCulture), report.Manifest.Files.Count.ToString(CultureInfo.InvariantCulture));
            table.Write();
            if (report.Differences.Count > 0)
            {
                AnsiConsole.MarkupLine(Markup.Escape("Số dòng khác bản sao lưu (row counts differ): " + string.Join("; ", report.Differences)));
                return ExitCodes.Failed;
            }

            AnsiConsole.MarkupLine("[green]Đã khôi phục[/]: số dòng và mã kiểm tra khớp bản sao lưu (restored; counts and checksums match).");
            return ExitCodes.Success;
        }, migrate: false, cancellationToken);
}
