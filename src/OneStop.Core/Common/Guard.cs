using System.Text.RegularExpressions;

namespace OneStop.Core.Common;

internal static partial class Guard
{
    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]{0,31}$")]
    private static partial Regex CodePattern();

    public static string Code(string value, string field)
    {
        var code = Text.Clean(value).ToUpperInvariant();
        if (!CodePattern().IsMatch(code))
        {
            throw new DomainException(
                "code.invalid",
                $"Mã '{value}' ({field}) không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, tối đa 32 ký tự.");
        }

        return code;
    }
}
