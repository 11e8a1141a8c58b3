namespace OneStop.Documents.Signing;

/// <summary>Stable codes of <see cref="SigningException"/>.</summary>
public static class SigningErrors
{
    public const string Failed = "signing.failed";
    public const string CertificateMissing = "signing.certificate_missing";
    public const string CertificateExpired = "signing.certificate_expired";
    public const string CertificateNotYetValid = "signing.certificate_not_yet_valid";
    public const string CertificateNotForSigning = "signing.certificate_not_for_signing";
    public const string PrivateKeyMissing = "signing.private_key_missing";
    public const string UnsupportedKey = "signing.unsupported_key";
    public const string WrongPassword = "signing.wrong_password";
    public const string Denied = "signing.denied";
    public const string Expired = "signing.request_expired";
    public const string InvalidSignature = "signing.invalid_signature";
    public const string TimeStampFailed = "signing.timestamp_failed";
    public const string UnsupportedDocument = "signing.unsupported_document";
}
