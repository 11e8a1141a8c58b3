namespace OneStop.Documents.Signing;

/// <summary>What a signer is asked to sign, with what a remote signer shows the person on their device.</summary>
/// <param name="DataToBeSignedDigest">SHA-256 of the DER-encoded CMS signed attributes: the value to sign with the private key.</param>
/// <param name="DocumentDigest">SHA-256 of the PDF's signed byte ranges (the CMS message-digest), for services that build the CMS themselves.</param>
/// <param name="DocumentTitle">What the document is, e.g. "Giấy tiếp nhận hồ sơ và hẹn trả kết quả – H37.15-261205-0042".</param>
public sealed record SignatureRequest(byte[] DataToBeSignedDigest, byte[] DocumentDigest, string DocumentTitle);
