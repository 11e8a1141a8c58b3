using Spectre.Console;

namespace OneStop.Cli.Hosting;

/// <summary>
/// The console the commands write to. Output that is not a terminal (a file, a pipe, a CI log) gets no colours, no live progress
/// and no line wrapping, and tables in a plain column layout (<see cref="CliTable"/>), so it reads the same in a log as on a screen.
/// </summary>
internal static class CliConsole
{
    /// <summary>True when standard output is not a terminal.</summary>
    public static bool Plain { get; private set; }

    public static void Configure()
    {
        Plain = Console.IsOutputRedirected;
        if (!Plain)
        {
            return;
        }

        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        // Long lines stay whole: a log viewer wraps them if it must.
        AnsiConsole.Profile.Width = 4096;
    }
}
