using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace OneStop.Benchmarks.Harness;

/// <summary>The machine a run happened on, and how busy it was, for the report.</summary>
internal static class MachineInfo
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string Describe()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- CPU: {CpuModel()}; logical processors seen by .NET: {Environment.ProcessorCount}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Memory: {MemoryTotal()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- .NET runtime: {RuntimeInformation.FrameworkDescription}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1/5/15 min) at start: {LoadAverage()}");
#if DEBUG
        sb.AppendLine("- WARNING: Debug build; use -c Release");
#endif
        if (Debugger.IsAttached)
            sb.AppendLine("- WARNING: debugger attached");
        return sb.ToString();
    }

    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo"))
            return RuntimeInformation.ProcessArchitecture.ToString();
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string MemoryTotal()
    {
        if (!File.Exists("/proc/meminfo"))
            return "n/a";
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return $"{kb / 1024.0 / 1024.0:F1} GiB";
    }
}
