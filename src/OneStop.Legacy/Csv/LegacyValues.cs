using System.Globalization;
using OneStop.Core.Common;

namespace OneStop.Legacy.Csv;

/// <summary>Parses the legacy value formats: dd/MM/yyyy[ HH:mm[:ss]] Vietnam time, integers, VND amounts.</summary>
internal static class LegacyValues
{

    private static readonly string[] TimestampFormats = ["dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy"];

    public static bool TryTimestamp(string value, out DateTimeOffset result)
    {
        if (DateTime.TryParseExact(value, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            result = VietnamTime.FromLocal(local);
            return true;
        }

        result = default;
        return false;
    }

    public static bool TryDate(string value, out DateOnly result) =>
        DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out result);

    public static bool TryInt(string value, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result);

    public static bool TryLong(string value, out long result) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result);

    /// <summary>An amount in VND, whole dongs, with '.', ',' or spaces as thousands separators tolerated.</summary>
    public static bool TryMoney(string value, out decimal result)
    {
        var digits = value.Replace(".", string.Empty, StringComparison.Ordinal)
            .Replace(",", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out result);
    }
}
