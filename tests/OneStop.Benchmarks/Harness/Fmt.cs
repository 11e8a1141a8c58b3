using System.Globalization;

namespace OneStop.Benchmarks.Harness;

/// <summary>Invariant number formatting for the tables.</summary>
internal static class Fmt
{
    public static string N(double value, int decimals = 1) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "–" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string I(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
