using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Infrastructure.Database;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Hosting;

/// <summary>
/// What a command that throws prints and returns: one line saying what went wrong and what to do, and an exit code from
/// <see cref="ExitCodes"/> — never a stack trace (ONESTOP_DEBUG=1 prints it, for a developer).
/// </summary>
internal static class CliErrors
{
    public static int Handle(Exception exception, ITypeResolver? resolver)
    {
        _ = resolver;
        var (code, line) = exception switch
        {
            CommandParseException or CommandRuntimeException =>
                (ExitCodes.BadInput, $"{exception.Message} (onestop --help, or onestop COMMAND --help)"),
            DatabaseUnavailableException => (ExitCodes.Database, exception.Message),
            OneStop.Infrastructure.Database.Backup.BackupException backup => (backup.UnusableInput ? ExitCodes.BadInput : ExitCodes.Failed, backup.Message),
            NpgsqlException or DbUpdateException { InnerException: NpgsqlException } or TimeoutException =>
                (ExitCodes.Database, "Lỗi cơ sở dữ liệu / database error: " + DatabaseState.OneLine(exception)),
            InvalidOperationException when exception.Message.StartsWith("No database is configured", StringComparison.Ordinal) =>
                (ExitCodes.Database, exception.Message),
            OperationCanceledException => (ExitCodes.Interrupted, "Đã dừng / interrupted."),
            _ => (ExitCodes.Failed, $"Lỗi không mong đợi / unexpected error ({exception.GetType().Name}): {FirstLine(exception.Message)}"),
        };

        AnsiConsole.MarkupLine($"[red]Lỗi / Error:[/] {Markup.Escape(line)}");
        if (Environment.GetEnvironmentVariable("ONESTOP_DEBUG") is "1" or "true")
        {
            Console.Error.WriteLine(exception);
        }

        return code;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
