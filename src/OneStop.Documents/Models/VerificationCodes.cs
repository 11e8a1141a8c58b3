using System.Security.Cryptography;

namespace OneStop.Documents.Models;

/// <summary>Creates short, unambiguous verification codes such as "K7M2Q-9XH4T".</summary>
public static class VerificationCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random code of ten Crockford base-32 characters (50 bits) in two groups.</summary>
    public static string Create()
    {
        Span<char> chars = stackalloc char[11];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i == 5 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }
}
