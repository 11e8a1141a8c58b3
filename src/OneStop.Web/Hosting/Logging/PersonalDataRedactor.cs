using System.Text.RegularExpressions;

namespace OneStop.Web.Hosting.Logging;

/// <summary>
/// The last line of defence of the rule that personal data never reaches a log: whatever a log line or an exception's text carries
/// (a mail server quoting the recipient, a URL with a reset token), e-mail addresses, 9- and 12-digit identity numbers, phone numbers,
/// bearer tokens and the values of secret-bearing query parameters are masked before the line is written. Names and addresses cannot
/// be recognised by a pattern: they are kept out of log messages by the code (and a test scans a whole journey's logs for them).
/// </summary>
internal static partial class PersonalDataRedactor
{
    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = Email().Replace(text, "[e-mail]");
        text = SecretParameter().Replace(text, "$1[redacted]");
        text = Bearer().Replace(text, "$1[redacted]");
        text = Phone().Replace(text, "[phone]");
        return IdentityNumber().Replace(text, "[id-number]");
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // CMND (9 digits) and CCCD (12 digits) standing alone, not part of a longer number, a GUID or an identifier.
    [GeneratedRegex(@"(?<![\w.-])(?:\d{12}|\d{9})(?![\w-])")]
    private static partial Regex IdentityNumber();

    // 0912345678, 0912 345 678, +84 912 345 678.
    [GeneratedRegex(@"(?<![\w.+-])(?:\+84|0)(?:[ .]?\d){9}(?![\w-])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}")]
    private static partial Regex Bearer();

    // In a query string (?code=…&) and as route values in routing's debug lines (code=[…]).
    [GeneratedRegex(@"(?i)(?<![\w-])((?:code|token|access_token|refresh_token|id_token|password|email|userid|key|signature|sig)=\[?)[^&\s""',\])]+")]
    private static partial Regex SecretParameter();
}
