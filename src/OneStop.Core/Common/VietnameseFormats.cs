using System.Globalization;
using System.Text.RegularExpressions;

namespace OneStop.Core.Common;

/// <summary>Checks and formats for Vietnamese identity numbers, phone numbers, dates and money.</summary>
public static partial class VietnameseFormats
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    [GeneratedRegex(@"^(\d{9}|\d{12})$")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"^0\d{9}$")]
    private static partial Regex PhonePattern();

    /// <summary>CCCD has 12 digits, the older CMND 9; both are text with significant leading zeros.</summary>
    public static bool IsIdNumber(string? value) => value is not null && IdNumberPattern().IsMatch(value.Trim());

    /// <summary>Normalises a typed phone number (spaces, dots, +84 prefix) to 0xxxxxxxxx, or null when it is not one.</summary>
    public static string? NormalizePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = new string(value.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        return PhonePattern().IsMatch(digits) ? digits : null;
    }

    /// <summary>"05/12/2026", the day in Vietnam.</summary>
    public static string Date(DateTimeOffset value) => VietnamTime.ToLocal(value).ToString("dd/MM/yyyy", Culture);

    public static string Date(DateOnly value) => value.ToString("dd/MM/yyyy", Culture);

    /// <summary>"14:30 05/12/2026", Vietnam time.</summary>
    public static string DateTime(DateTimeOffset value) => VietnamTime.ToLocal(value).ToString("HH:mm dd/MM/yyyy", Culture);

    /// <summary>Formats an amount as "1.500.000 đ".</summary>
    public static string Money(decimal amount) => amount.ToString("#,0", Culture) + " đ";

    /// <summary>Shows only the last digits of an identity number, e.g. "********1234".</summary>
    public static string MaskIdNumber(string? value, int visible = 4) =>
        string.IsNullOrEmpty(value) || value.Length <= visible ? value ?? string.Empty : new string('*', value.Length - visible) + value[^visible..];
}
