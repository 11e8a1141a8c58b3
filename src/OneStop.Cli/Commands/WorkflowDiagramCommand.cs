using System.ComponentModel;
using OneStop.Workflows.Diagrams;
using OneStop.Workflows.Loading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>onestop workflow diagram FILE [--out PATH]: writes the flow as a Mermaid diagram.</summary>
internal sealed class WorkflowDiagramCommand : Command<WorkflowDiagramCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--out <PATH>")]
        [Description("Where to write the Mermaid text (default: FILE with .mmd; '-' for standard output)")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            AnsiConsole.MarkupLine($"[red]Không tìm thấy tệp[/] {Markup.Escape(settings.File)}.");
            return 1;
        }

        var result = WorkflowLoader.LoadFile(settings.File);
        if (result.Definition is null)
        {
            AnsiConsole.MarkupLine($"[red]Tệp không đọc được:[/] {Markup.Escape(result.Problems[0].MessageVi)}");
            return 1;
        }

        var mermaid = MermaidDiagramWriter.Write(result.Definition);
        if (settings.Out == "-")
        {
            Console.Out.Write(mermaid);
            return 0;
        }

        var target = settings.Out ?? Path.ChangeExtension(settings.File, ".mmd");
        System.IO.File.WriteAllText(target, mermaid);
        AnsiConsole.MarkupLine($"Đã ghi sơ đồ (Mermaid) vào [bold]{Markup.Escape(target)}[/]" +
            (result.IsValid ? "." : $" — lưu ý: định nghĩa có {result.Problems.Count} lỗi, chạy 'onestop workflow validate'."));
        return 0;
    }
}
