using System.Security.Cryptography.X509Certificates;
using OneStop.Documents.Forms;

namespace OneStop.Documents.Signing;

/// <summary>Refuses, before anything is signed, a certificate that cannot make a valid signature now.</summary>
public static class CertificateChecks
{
    /// <summary>Throws <see cref="SigningException"/> with a Vietnamese message when the certificate is not valid at the given time, is not meant for signing or uses a key type OneStop does not sign with.</summary>
    public static void EnsureUsable(SignerCertificate signer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var c = signer.Certificate;
        var who = signer.Name;
        var notBefore = new DateTimeOffset(c.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(c.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (at < notBefore)
        {
            throw new SigningException(SigningErrors.CertificateNotYetValid,
                $"Chứng thư số của {who} chưa có hiệu lực (có hiệu lực từ {VnFormat.ShortWithTime(notBefore)}). Không thể ký số văn bản.");
        }

        if (at > notAfter)
        {
            throw new SigningException(SigningErrors.CertificateExpired,
                $"Chứng thư số của {who} đã hết hạn ngày {VnFormat.ShortWithTime(notAfter)}. Không thể ký số văn bản; hãy gia hạn hoặc cập nhật chứng thư số mới.");
        }

        if (c.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage &&
            (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            throw new SigningException(SigningErrors.CertificateNotForSigning,
                $"Chứng thư số của {who} không được cấp để ký số (thiếu mục đích Digital Signature/Non-Repudiation).");
        }

        using var rsa = c.GetRSAPublicKey();
        if (rsa is null)
        {
            throw new SigningException(SigningErrors.UnsupportedKey,
                $"Chứng thư số của {who} không dùng khóa RSA; OneStop ký số bằng RSA như các tổ chức cung cấp dịch vụ chứng thực chữ ký số tại Việt Nam.");
        }
    }
}
