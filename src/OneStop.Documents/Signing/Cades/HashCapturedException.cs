namespace OneStop.Documents.Signing.Cades;

// Stops SignedCms.ComputeSignature once it has said what it wants signed.
internal sealed class HashCapturedException(byte[] hash) : Exception("The data-to-be-signed digest was captured.")
{
    public byte[] Hash { get; } = hash;
}
