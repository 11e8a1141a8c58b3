using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Documents.Signing.Development;

/// <summary>
/// A throw-away certificate authority for development and tests: a root, an issuing CA under it, and certificates for
/// named people, agencies' seals and a time-stamp authority. Never for production: its keys live in files or memory.
/// </summary>
public sealed class DevelopmentCertificateAuthority : IDisposable
{
    private const string TimeStampingOid = "1.3.6.1.5.5.7.3.8";
    private readonly TimeProvider _time;

    private DevelopmentCertificateAuthority(X509Certificate2 root, X509Certificate2 issuing, TimeProvider time)
    {
        Root = root;
        IssuingCa = issuing;
        _time = time;
    }

    /// <summary>The self-signed root (with its private key): the trust anchor a development installation configures.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The CA that issues end-entity certificates (with its private key).</summary>
    public X509Certificate2 IssuingCa { get; }

    /// <summary>Creates a new root and issuing CA ("OneStop phát triển"); each call makes new keys.</summary>
    public static DevelopmentCertificateAuthority Create(string name = "OneStop", TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var now = time.GetUtcNow();
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest(Name($"{name} Development Root CA"), rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        var root = rootRequest.CreateSelfSigned(now.AddYears(-5), now.AddYears(20));

        using var issuingKey = RSA.Create(2048);
        var issuingRequest = new CertificateRequest(Name($"{name} Development Issuing CA"), issuingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        issuingRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        issuingRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        issuingRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(issuingRequest.PublicKey, false));
        issuingRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var issuingPublic = issuingRequest.Create(root, now.AddYears(-4), now.AddYears(10), Serial());
        var issuing = issuingPublic.CopyWithPrivateKey(issuingKey);
        return new DevelopmentCertificateAuthority(root, issuing, time);
    }

    /// <summary>Loads a CA saved with <see cref="ExportCa"/>.</summary>
    public static DevelopmentCertificateAuthority Load(byte[] pkcs12, string password, TimeProvider? time = null)
    {
        var all = X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        var root = all.Single(c => c.Subject == c.Issuer);
        var issuing = all.Single(c => c.Subject != c.Issuer);
        return new DevelopmentCertificateAuthority(root, issuing, time ?? TimeProvider.System);
    }

    /// <summary>A person's signing certificate (CN = their name, O = their agency), valid for two years unless told otherwise.</summary>
    public X509Certificate2 IssuePerson(string fullName, string? organization = null, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Issue(Name(fullName, organization), X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, null, notBefore, notAfter);

    /// <summary>An agency's certificate for its seal signature (CN = O = the agency's name).</summary>
    public X509Certificate2 IssueSeal(string agencyName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Issue(Name(agencyName, agencyName), X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, null, notBefore, notAfter);

    /// <summary>A time-stamp authority's certificate (extended key usage id-kp-timeStamping, critical, as RFC 3161 requires).</summary>
    public X509Certificate2 IssueTimeStampAuthority(string name = "OneStop Development Time-Stamp Authority") =>
        Issue(Name(name), X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, TimeStampingOid, null, null);

    /// <summary>A PKCS#12 file with the certificate, its private key and the issuing and root CA certificates (AES-256, SHA-256).</summary>
    public byte[] ExportPkcs12(X509Certificate2 certificate, string password) =>
        new X509Certificate2Collection { certificate, IssuingCa, Root }.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);

    /// <summary>The root and issuing CA with their keys, to issue more certificates later.</summary>
    public byte[] ExportCa(string password) =>
        new X509Certificate2Collection { Root, IssuingCa }.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);

    /// <summary>A certificate as a <see cref="SignerCertificate"/> with this CA's chain.</summary>
    public SignerCertificate Chain(X509Certificate2 certificate) => new(certificate, [IssuingCa, Root]);

    public void Dispose()
    {
        Root.Dispose();
        IssuingCa.Dispose();
    }

    private X509Certificate2 Issue(X500DistinguishedName subject, X509KeyUsageFlags usage, string? extendedUsage, DateTimeOffset? notBefore, DateTimeOffset? notAfter)
    {
        var now = _time.GetUtcNow();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        if (extendedUsage is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedUsage)], true));
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(IssuingCa, true, false));
        using var issued = request.Create(IssuingCa, notBefore ?? now.AddDays(-1), notAfter ?? now.AddYears(2), Serial());
        return issued.CopyWithPrivateKey(key);
    }

    private static X500DistinguishedName Name(string commonName, string? organization = null)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("VN");
        builder.AddOrganizationName(string.IsNullOrWhiteSpace(organization) ? "OneStop (phát triển, không dùng thật)" : organization.Normalize());
        builder.AddCommonName(commonName.Normalize());
        return builder.Build();
    }

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return serial;
    }
}
