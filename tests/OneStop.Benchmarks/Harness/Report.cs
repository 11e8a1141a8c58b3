using System.Text;

namespace OneStop.Benchmarks.Harness;

/// <summary>Writes one sub-command's results as a markdown fragment ready to paste into docs/PERFORMANCE.md.</summary>
internal static class Report
{
    public static async Task<string> WriteAsync(RunnerOptions options, string name, string title, string machine,
        IEnumerable<(string Heading, ResultTable Table)> tables, IEnumerable<string> notes)
    {
        var dir = options.OutDir ?? Path.Combine(RepoPaths.Root, "artifacts", "benchmarks");
        Directory.CreateDirectory(dir);
        var sb = new StringBuilder();
        sb.AppendLine($"### {title}").AppendLine();
        sb.AppendLine("Command:").AppendLine().AppendLine("```").AppendLine(options.CommandLine).AppendLine("```").AppendLine();
        sb.Append(machine);
        sb.AppendLine($"- Load average (1/5/15 min) at end: {MachineInfo.LoadAverage()}").AppendLine();
        foreach (var (heading, table) in tables)
        {
            if (heading.Length > 0)
                sb.AppendLine(heading).AppendLine();
            sb.AppendLine(table.ToMarkdown());
        }

        foreach (var note in notes)
            sb.AppendLine($"- {note}");
        var path = Path.Combine(dir, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(path, sb.ToString()).ConfigureAwait(false);
        Console.WriteLine($"markdown written to {path}");
        return path;
    }
}
