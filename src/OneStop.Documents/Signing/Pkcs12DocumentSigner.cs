using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Documents.Signing;

/// <summary>A signer whose PKCS#12 (certificate, private key and issuers) OneStop holds; where the file is kept is the caller's business.</summary>
public sealed class Pkcs12DocumentSigner : IDocumentSigner, IDisposable
{
    private readonly X509Certificate2Collection _all;
    private readonly SignerCertificate _certificate;

    private Pkcs12DocumentSigner(X509Certificate2Collection all)
    {
        _all = all;
        _certificate = SignerCertificate.FromCollection(all);
        if (!_certificate.Certificate.HasPrivateKey)
        {
            throw new SigningException(SigningErrors.PrivateKeyMissing, $"Tệp chứng thư số của {_certificate.Name} không có khóa bí mật; không thể dùng để ký số.");
        }
    }

    public SignerCertificate Certificate => _certificate;

    /// <summary>Reads a PKCS#12 (.p12/.pfx) file; a wrong password or a damaged file gives a <see cref="SigningException"/> in Vietnamese.</summary>
    public static Pkcs12DocumentSigner Load(byte[] pkcs12, string? password)
    {
        ArgumentNullException.ThrowIfNull(pkcs12);
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new SigningException(SigningErrors.WrongPassword, "Không mở được tệp chứng thư số: sai mật khẩu hoặc tệp không phải PKCS#12 (.p12, .pfx).", e);
        }

        return new Pkcs12DocumentSigner(all);
    }

    public Task<SignerCertificate> GetCertificateAsync(CancellationToken cancellationToken) => Task.FromResult(_certificate);

    public Task<SignatureValue> SignAsync(SignatureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var key = _certificate.Certificate.GetRSAPrivateKey()
            ?? throw new SigningException(SigningErrors.UnsupportedKey, $"Khóa bí mật của {_certificate.Name} không phải khóa RSA.");
        var signature = key.SignHash(request.DataToBeSignedDigest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Task.FromResult(SignatureValue.Raw(signature));
    }

    public void Dispose()
    {
        foreach (var c in _all)
        {
            c.Dispose();
        }
    }
}
