using System.Globalization;

namespace OneStop.Benchmarks.Harness;

/// <summary>
/// The figures a script compares, printed as a benchmark's last lines: <c>RESULT name value unit</c>, invariant culture, one per figure.
/// </summary>
internal sealed class ResultLines
{
    private readonly List<string> _lines = [];

    public void Add(string name, double value, string unit, int decimals) =>
        _lines.Add(string.Create(CultureInfo.InvariantCulture, $"RESULT {name} {value.ToString("F" + decimals, CultureInfo.InvariantCulture)} {unit}"));

    public void Print()
    {
        foreach (var line in _lines)
        {
            Console.WriteLine(line);
        }
    }
}
