using OneStop.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>onestop db migrate: applies the EF Core migrations and the reference data.</summary>
internal sealed class MigrateCommand : AsyncCommand
{
    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        CliHost.RunScopedAsync(async services =>
        {
            await CliHost.MigrateAsync(services, cancellationToken);
            AnsiConsole.MarkupLine("[green]Cơ sở dữ liệu đã được cập nhật[/] (migrations applied).");
            return ExitCodes.Success;
        }, migrate: false, cancellationToken);
}
