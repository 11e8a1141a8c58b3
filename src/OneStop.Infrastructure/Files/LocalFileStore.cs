using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.Files;

/// <summary>Files under Root/ab/cd/&lt;sha256&gt;, written to a temporary name then moved, so a reader never sees half a file.</summary>
internal sealed class LocalFileStore(IOptions<FileStoreOptions> options, IHostEnvironment environment) : IFileStore
{
    private string Root => Path.GetFullPath(options.Value.Root, environment.ContentRootPath);

    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // stored meanwhile by another upload of the same bytes
        }

        return hash;
    }

    public async Task<(string Sha256, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, Guid.NewGuid().ToString("N") + ".tmp");
        string hash;
        long size;
        await using (var file = File.Create(temporary))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        var path = PathOf(hash);
        if (File.Exists(path))
        {
            File.Delete(temporary);
            return (hash, size);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return (hash, size);
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            return Task.FromResult<Stream?>(null);
        }

        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    private string PathOf(string hash) => Path.Combine(Root, hash[..2], hash[2..4], hash);
}
