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
/// onestop db backup FILE: a consistent backup of the database and the files its rows reference. It never migrates: a backup is
/// what one takes before an upgrade. Exit 1 when a referenced file is missing from the store (the archive is written, and says which).
/// </summary>
internal sealed class BackupCommand : AsyncCommand<BackupCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The archive to write (a tar file; refused when it exists).")]
        public string File { get; init; } = string.Empty;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CliHost.RunScopedAsync(async services =>
        {
            var connection = DatabaseOptions.ResolveConnectionString(services.GetRequiredService<IConfiguration>())!;
            var path = Path.GetFullPath(settings.File);
            var manifest = await services.GetRequiredService<DatabaseBackup>().CreateAsync(connection, path, cancellationToken);

            var table = new CliTable("Bản sao lưu / backup — " + path, "Phần", "Số lượng");
            table.AddRow("Bảng (tables)", manifest.Tables.Count.ToString(CultureInfo.InvariantCulture));
            table.AddRow("Dòng (rows)", manifest.Tables.Values.Sum().ToString(CultureInfo.InvariantCulture));
            table.AddRow("Tệp (files)", manifest.Files.Count.ToString(CultureInfo.InvariantCulture));
            table.AddRow("Dung lượng (bytes)", new FileInfo(path).Length.ToString(CultureInfo.InvariantCulture));
            table.Write();
            if (manifest.MissingFiles.Count > 0)
            {
                AnsiConsole.MarkupLine(Markup.Escape(
                    $"Thiếu {manifest.MissingFiles.Count} tệp trong kho tệp mà dữ liệu tham chiếu (files referenced but missing from the store: listed in manifest.json)."));
                return ExitCodes.Failed;
            }

            AnsiConsole.MarkupLine("[green]Đã sao lưu[/] (backup written).");
            return ExitCodes.Success;
        }, migrate: false, cancellationToken);
}
