using System.Security.Cryptography;
using System.Text;

namespace OneStop.Core.Dossiers;

/// <summary>
/// The look-up key: 10 characters of a 32-letter alphabet without 0/O and 1/I (50 random bits), printed on the receipt as
/// "ABCDE-FGHJK" and asked by the public look-up beside the dossier's code. The database draws it for every dossier row
/// (<c>onestop_lookup_key()</c>, from gen_random_uuid's random bytes) so every way a dossier is made — online, at the counter,
/// by the legacy import's set-based SQL — gets one.
/// </summary>
public static class LookupKeys
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public const int Length = 10;

    /// <summary>A new random key (what the database's default draws too).</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What someone typed, as stored: upper case, without spaces and dashes; null when it cannot be a key.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var key = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (key.Length == Length || !Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            key.Append(upper);
        }

        return key.Length == Length ? key.ToString() : null;
    }

    /// <summary>"ABCDEFGHJK" → "ABCDE-FGHJK", as printed.</summary>
    public static string? Format(string? key) => key is { Length: Length } ? key[..5] + "-" + key[5..] : key;

    /// <summary>Whether the typed key is the stored one, compared in constant time.</summary>
    public static bool Matches(string? stored, string? typed) =>
        stored is { Length: Length } && Normalize(typed) is { } presented
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(presented));
}
