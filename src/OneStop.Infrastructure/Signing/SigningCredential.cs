namespace OneStop.Infrastructure.Signing;

/// <summary>Whose signature a credential makes: an official's own, or an agency's seal signature.</summary>
public enum SigningOwner
{
    Official = 0,
    Agency = 1,
}

/// <summary>Where the key of a credential is: in a PKCS#12 OneStop holds, or with a CA's remote-signing service ("ký số từ xa").</summary>
public enum SigningCredentialKind
{
    Pkcs12 = 0,

    /// <summary>The key stays with the CA; the official confirms each signature on their device. Officials only: agencies' seals are PKCS#12.</summary>
    Remote = 1,
}

/// <summary>
/// A PKCS#12 certificate and key OneStop holds for an official or an agency, encrypted at rest with Data Protection (the file and its
/// password together; neither is stored in clear). At most one is in force per owner; a replaced or revoked one is kept for the record.
/// </summary>
public sealed class SigningCredential
{
    private SigningCredential()
    {
    }

    public SigningCredential(SigningOwner owner, Guid? userId, Guid? agencyId, byte[] protectedKey, CertificateSummary certificate, DateTimeOffset uploadedAt,
        Guid? uploadedBy, bool demo)
    {
        Id = Guid.CreateVersion7(uploadedAt);
        Owner = owner;
        UserId = userId;
        AgencyId = agencyId;
        ProtectedKey = protectedKey;
        SignerName = certificate.SignerName;
        Organization = certificate.Organization;
        IssuerName = certificate.IssuerName;
        SerialNumber = certificate.SerialNumber;
        Thumbprint = certificate.Thumbprint;
        NotBefore = certificate.NotBefore;
        NotAfter = certificate.NotAfter;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
        Demo = demo;
    }

    /// <summary>An official's account at the CA's remote-signing service, with the certificate the CA gave for it (no key is held).</summary>
    public static SigningCredential Remote(Guid userId, string account, CertificateSummary certificate, DateTimeOffset assignedAt, Guid? assignedBy) =>
        new(SigningOwner.Official, userId, null, [], certificate, assignedAt, assignedBy, demo: false)
        {
            Kind = SigningCredentialKind.Remote,
            RemoteAccount = account,
        };

    public Guid Id { get; private set; }

    public SigningOwner Owner { get; private set; }

    public SigningCredentialKind Kind { get; private set; }

    /// <summary>The official's account (user id) at the CA's remote-signing service; null for a PKCS#12.</summary>
    public string? RemoteAccount { get; private set; }

    public Guid? UserId { get; private set; }

    public Guid? AgencyId { get; private set; }

    /// <summary>The PKCS#12 file and its password, protected with Data Protection.</summary>
    public byte[] ProtectedKey { get; private set; } = [];

    /// <summary>The certificate's common name.</summary>
    public string SignerName { get; private set; } = string.Empty;

    public string? Organization { get; private set; }

    public string IssuerName { get; private set; } = string.Empty;

    public string SerialNumber { get; private set; } = string.Empty;

    public string Thumbprint { get; private set; } = string.Empty;

    public DateTimeOffset NotBefore { get; private set; }

    public DateTimeOffset NotAfter { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public Guid? UploadedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Made by the demo seed's development CA: refused in Production.</summary>
    public bool Demo { get; private set; }

    public bool InForce(DateTimeOffset at) => RevokedAt is null && NotBefore <= at && at < NotAfter;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}

/// <summary>A root certificate the province accepts for the signatures /verify checks (besides those configured in Signing:TrustAnchors).</summary>
public sealed class SigningTrustAnchor
{
    private SigningTrustAnchor()
    {
    }

    public SigningTrustAnchor(byte[] certificate, CertificateSummary summary, DateTimeOffset addedAt, bool demo)
    {
        Id = Guid.CreateVersion7(addedAt);
        Certificate = certificate;
        Name = summary.SignerName;
        Thumbprint = summary.Thumbprint;
        NotAfter = summary.NotAfter;
        AddedAt = addedAt;
        Demo = demo;
    }

    public Guid Id { get; private set; }

    /// <summary>The DER certificate.</summary>
    public byte[] Certificate { get; private set; } = [];

    public string Name { get; private set; } = string.Empty;

    public string Thumbprint { get; private set; } = string.Empty;

    public DateTimeOffset NotAfter { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public bool Demo { get; private set; }
}

/// <summary>What pages show of a certificate (never the full subject: a personal certificate may carry the holder's ID number).</summary>
public sealed record CertificateSummary(string SignerName, string? Organization, string IssuerName, string SerialNumber, string Thumbprint,
    DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    public static CertificateSummary Of(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new(
            Text.Nfc(certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false)),
            OrganizationOf(certificate.SubjectName),
            Text.Nfc(certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, true)),
            certificate.SerialNumber,
            certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero));
    }

    private static string? OrganizationOf(System.Security.Cryptography.X509Certificates.X500DistinguishedName name) =>
        name.EnumerateRelativeDistinguishedNames().Where(r => r.GetSingleElementType().Value == "2.5.4.10")
            .Select(r => r.GetSingleElementValue()).FirstOrDefault() is { } o ? Text.Nfc(o) : null;

    private static class Text
    {
        public static string Nfc(string s) => s.Normalize(System.Text.NormalizationForm.FormC);
    }
}
