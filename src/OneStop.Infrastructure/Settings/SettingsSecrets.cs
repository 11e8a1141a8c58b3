using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace OneStop.Infrastructure.Settings;

/// <summary>
/// Secrets in the settings table (SMTP password, payment key) are stored encrypted with Data Protection ("dp1:" + ciphertext), the
/// key ring that itself lives encrypted in the database when DataProtection:CertificatePath is set; a database dump alone reveals
/// neither. A value stored in plain text before this still reads, and is encrypted at the next start (<see cref="SettingsSecretsSealer"/>).
/// </summary>
public sealed partial class SettingsSecrets(IDataProtectionProvider provider, ILogger<SettingsSecrets> logger)
{
    private const string Prefix = "dp1:";
    private readonly IDataProtector _protector = provider.CreateProtector("OneStop.Settings.Secrets.v1");

    public static bool IsSealed(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The value as stored: encrypted (a value already encrypted is kept as it is).</summary>
    public string? Seal(string? value) => string.IsNullOrEmpty(value) || IsSealed(value) ? value : Prefix + _protector.Protect(value);

    /// <summary>The stored value in clear; null when it can no longer be decrypted (the key ring was lost or replaced).</summary>
    public string? Reveal(string? stored)
    {
        if (!IsSealed(stored))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored![Prefix.Length..]);
        }
        catch (CryptographicException ex)
        {
            LogUnreadable(logger, ex.Message);
            return null;
        }
    }

    /// <summary>A section's secrets JSON with every value sealed.</summary>
    public string SealAll(IDictionary<string, string?> secrets) =>
        JsonSerializer.Serialize(secrets.ToDictionary(s => s.Key, s => Seal(s.Value)));

    [LoggerMessage(Level = LogLevel.Error, Message = "A stored setting secret could not be decrypted (Data Protection key ring changed?); enter it again at /Admin/Settings: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
