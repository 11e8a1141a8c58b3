using System.Globalization;

namespace OneStop.Benchmarks.Harness;

/// <summary>Busy CPU time of the whole machine (all processes, /proc/stat), to tell how much the other engineers' builds took.</summary>
internal static class MachineCpu
{
    public static TimeSpan Busy()
    {
        if (!File.Exists("/proc/stat"))
            return TimeSpan.Zero;
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal …: busy = everything but idle and iowait.
        var values = cpu.Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var busy = values.Sum() - values[3] - values[4];
        return TimeSpan.FromSeconds(busy / 100.0);
    }
}
