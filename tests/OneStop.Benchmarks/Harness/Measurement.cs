namespace OneStop.Benchmarks.Harness;

/// <summary>What one measured case produced: operations, units (pages, transitions), wall and CPU time, latencies.</summary>
internal sealed record Measurement(
    string Name,
    int Workers,
    long Operations,
    long Units,
    TimeSpan Elapsed,
    TimeSpan Cpu,
    long AllocatedBytes,
    IReadOnlyList<double> LatenciesMs)
{
    public int Rounds { get; init; } = 1;

    /// <summary>CPU the rest of the machine used during the round, in cores (other engineers' builds on a shared machine).</summary>
    public double OthersCores { get; init; }

    public double SlowestUnitsPerSecond { get; init; }

    public double FastestUnitsPerSecond { get; init; }

    /// <summary>"min–max" units/s over the measured rounds.</summary>
    public string UnitsRange => Rounds <= 1 ? "–" : $"{Fmt.N(SlowestUnitsPerSecond, 0)}–{Fmt.N(FastestUnitsPerSecond, 0)}";

    public double OpsPerSecond => Operations / Elapsed.TotalSeconds;

    public double UnitsPerSecond => Units / Elapsed.TotalSeconds;

    public double MeanMs => LatenciesMs.Count == 0 ? double.NaN : LatenciesMs.Average();

    public double CpuMsPerOp => Operations == 0 ? double.NaN : Cpu.TotalMilliseconds / Operations;

    public double CpuMsPerUnit => Units == 0 ? double.NaN : Cpu.TotalMilliseconds / Units;

    public double AllocatedKbPerOp => Operations == 0 ? double.NaN : AllocatedBytes / 1024.0 / Operations;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
            return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
