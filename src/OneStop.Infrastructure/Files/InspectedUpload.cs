namespace OneStop.Infrastructure.Files;

/// <summary>An upload that passed the checks, held in a temporary file (never whole in memory) until it is stored; disposing deletes it.</summary>
public sealed class InspectedUpload : IAsyncDisposable
{
    internal InspectedUpload(string path, long size, string contentType, string fileName)
    {
        Path = path;
        Size = size;
        ContentType = contentType;
        FileName = fileName;
    }

    private string Path { get; }

    public long Size { get; }

    /// <summary>application/pdf, image/jpeg or image/png, decided from the content.</summary>
    public string ContentType { get; }

    /// <summary>The name made safe to show and store, with the extension of its real type.</summary>
    public string FileName { get; }

    public Stream OpenRead() => File.OpenRead(Path);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
