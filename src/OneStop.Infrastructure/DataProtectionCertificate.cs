using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace OneStop.Infrastructure;

/// <summary>
/// The certificate that encrypts the Data Protection keys at rest (section "DataProtection": <c>CertificatePath</c> to a PKCS#12
/// file with its private key, <c>CertificatePassword</c>). Without it the keys are stored in PostgreSQL unencrypted.
/// <c>CreateCertificateIfMissing</c> makes a self-signed one at that path on first start (kept apart from the database, e.g. on
/// the app's volume; several instances must share the same file).
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
            if (!configuration.GetValue($"{Section}:CreateCertificateIfMissing", false))
            {
                throw new InvalidOperationException($"{Section}:CertificatePath points to '{path}', which does not exist.");
            }

            Create(path, configuration[$"{Section}:CertificatePassword"]);
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

    private static void Create(string path, string? password)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=OneStop Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(30));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        file.Write(certificate.Export(X509ContentType.Pkcs12, password));
    }
}
