using System.Diagnostics;
using System.Globalization;

namespace OneStop.Benchmarks.Harness;

/// <summary>
/// CPU time used by this process and its live descendants (Chromium renders in child processes), read from /proc.
/// The machine is shared, so CPU time per operation is a steadier figure than wall time.
/// </summary>
internal static class ProcessTreeCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Sample()
    {
        var self = Environment.ProcessId;
        if (!Directory.Exists("/proc"))
            return Process.GetCurrentProcess().TotalProcessorTime;
        var stats = new List<(int Pid, int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                var text = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the ")" closing the command name: state ppid … utime(14) stime(15), numbered from 1 overall.
                var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                stats.Add((pid, int.Parse(rest[1], CultureInfo.InvariantCulture),
                    long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture)));
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        var tree = new HashSet<int> { self };
        bool grew;
        do
        {
            grew = false;
            foreach (var s in stats)
            {
                if (tree.Contains(s.Parent) && tree.Add(s.Pid))
                    grew = true;
            }
        }
        while (grew);

        var ticks = stats.Where(s => tree.Contains(s.Pid)).Sum(s => s.Ticks);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
