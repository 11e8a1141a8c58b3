using System.Buffers;

namespace OneStop.Infrastructure.Files;

/// <summary>
/// An upload that passed the checks, until it is stored: a small one already buffered in memory by the request (see
/// <see cref="UploadInspector.InMemoryBytes"/>) in a pooled buffer, a larger one in a temporary file (never whole in memory);
/// disposing returns the buffer or deletes the file.
/// </summary>
public sealed class InspectedUpload : IAsyncDisposable
{
    private byte[]? _buffer;

    internal InspectedUpload(string path, long size, string contentType, string fileName)
    {
        Path = path;
        Size = size;
        ContentType = contentType;
        FileName = fileName;
    }

    /// <summary>An upload held in <paramref name="buffer"/> (rented from the shared pool; returned when this is disposed).</summary>
    internal InspectedUpload(byte[] buffer, int size, string contentType, string fileName)
    {
        _buffer = buffer;
        Size = size;
        ContentType = contentType;
        FileName = fileName;
    }

    private string? Path { get; }

    public long Size { get; }

    /// <summary>application/pdf, image/jpeg or image/png, decided from the content.</summary>
    public string ContentType { get; }

    /// <summary>The name made safe to show and store, with the extension of its real type.</summary>
    public string FileName { get; }

    public Stream OpenRead() => Path is not null
        ? File.OpenRead(Path)
        : new MemoryStream(_buffer ?? throw new ObjectDisposedException(nameof(InspectedUpload)), 0, (int)Size, writable: false);

    public ValueTask DisposeAsync()
    {
        if (Path is not null)
        {
            File.Delete(Path);
        }
        else if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return ValueTask.CompletedTask;
    }
}
