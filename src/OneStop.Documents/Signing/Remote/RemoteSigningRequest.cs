namespace OneStop.Documents.Signing.Remote;

/// <summary>A request to sign: whose account, the digests, and the words the person sees on their device before confirming.</summary>
/// <param name="SignerAccount">The person's account (user id) at the CA.</param>
/// <param name="DataToBeSignedDigest">SHA-256 of the CMS signed attributes (for services that return a raw signature).</param>
/// <param name="DocumentDigest">SHA-256 of the PDF's signed byte ranges (for services that build the CMS themselves).</param>
/// <param name="Message">What the device shows, e.g. "OneStop: ký Giấy phép xây dựng – hồ sơ H37.15-261205-0042".</param>
public sealed record RemoteSigningRequest(string SignerAccount, byte[] DataToBeSignedDigest, byte[] DocumentDigest, string Message);
