namespace OneStop.Legacy.Bundles;

/// <summary>
/// A read-only stream that refuses to give more than a cap: a zip entry that inflates past the size its header declares (a zip bomb
/// with a lying header) stops with a <see cref="BundleException"/> instead of filling memory or disk.
/// </summary>
internal sealed class CappedStream(Stream inner, long cap, string name) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        return _read <= cap ? read
            : throw BundleException.Of($"Tệp {name} trong gói nén lớn hơn kích thước khai báo ({cap} byte): gói bị hỏng hoặc không an toàn.",
                $"{name} in the archive inflates past its declared size ({cap} bytes): the archive is damaged or hostile.");
    }
}
