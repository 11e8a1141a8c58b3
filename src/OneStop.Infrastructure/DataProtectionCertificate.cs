using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace OneStop.Infrastructure;

/// <summary>
/// The certificate that encrypts the Data Protection keys at rest (section "DataProtection": <c>CertificatePath</c> to a PKCS#12
/// file with its private key, <c>CertificatePassword</c>). Without it the keys are stored in PostgreSQL unencrypted.
/// </summary>
public static class DataProtectionCertificate
{
    public const string Section = "DataProtection";

    /// <summary>The configured certificate, or null when none is configured; a configured one that cannot be used stops the start.</summary>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration[$"{Section}:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Section}:CertificatePath points to '{path}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:CertificatePassword"]);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{Section}:CertificatePath '{path}' is not a PKCS#12 file this password opens: {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{Section}:CertificatePath '{path}' holds no private key; the keys could not be read back.");
        }

        return certificate;
    }
}
