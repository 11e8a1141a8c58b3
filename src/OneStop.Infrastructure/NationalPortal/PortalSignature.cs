using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// How requests between OneStop and the national portal are signed, both ways: X-OneStop-Timestamp (Unix seconds) and
/// X-OneStop-Signature "sha256=" + hex HMAC-SHA256(key, timestamp + "." + body). A request whose timestamp is too far from the
/// receiver's clock is refused, so a captured request cannot be replayed later.
/// </summary>
public static class PortalSignature
{
    public const string TimestampHeader = "X-OneStop-Timestamp";
    public const string SignatureHeader = "X-OneStop-Signature";

    public static string Sign(string key, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(body);
        var text = timestamp.ToString(CultureInfo.InvariantCulture) + "." + body;
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Whether the headers sign this body with this key, at a time within <paramref name="skew"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string key, string? timestamp, string? signature, string body, DateTimeOffset now, TimeSpan skew)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length != 71
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > skew)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, seconds, body)),
            Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }
}
