using System.Security.Cryptography;

namespace OneStop.Documents.Signing.Cades;

// An RSA "private key" that never holds one: asked to sign by SignedCms, it either records the hash and stops the
// computation (to learn what to send to the signer), or returns the signature the signer sent back for that hash.
// This lets SignedCms build the CMS for keys held by a remote service or elsewhere.
internal sealed class DeferredRsa : RSA
{
    private readonly RSAParameters _public;
    private readonly byte[]? _signature;
    private readonly byte[]? _expectedHash;

    private DeferredRsa(RSA publicKey, byte[]? expectedHash, byte[]? signature)
    {
        _public = publicKey.ExportParameters(false);
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(KeySizeValue, KeySizeValue, 0)];
        _expectedHash = expectedHash;
        _signature = signature;
    }

    public static DeferredRsa Capture(RSA publicKey) => new(publicKey, null, null);

    public static DeferredRsa Replay(RSA publicKey, byte[] expectedHash, byte[] signature) => new(publicKey, expectedHash, signature);

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("No private key here.") : _public;

    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        Check(hash, hashAlgorithm, padding);
        return (byte[])_signature!.Clone();
    }

    public override bool TrySignHash(ReadOnlySpan<byte> hash, Span<byte> destination, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding, out int bytesWritten)
    {
        Check(hash.ToArray(), hashAlgorithm, padding);
        if (destination.Length < _signature!.Length)
        {
            bytesWritten = 0;
            return false;
        }

        _signature.CopyTo(destination);
        bytesWritten = _signature.Length;
        return true;
    }

    private void Check(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1)
        {
            throw new CryptographicException($"Unexpected signature scheme {hashAlgorithm.Name}/{padding}.");
        }

        if (_signature is null)
        {
            throw new HashCapturedException(hash);
        }

        if (!hash.AsSpan().SequenceEqual(_expectedHash))
        {
            throw new CryptographicException("The signed attributes changed between preparing and completing the signature.");
        }
    }
}
