using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.Files;

/// <summary>
/// Files under Root/ab/cd/&lt;sha256&gt;, written to a temporary name then moved, so a reader never sees half a file. Temporary files are
/// Root/[owner.]&lt;guid&gt;.tmp, all at the top level, so that sweeping what killed writes left never walks the whole tree.
/// </summary>
internal sealed class LocalFileStore(IOptions<FileStoreOptions> options, IHostEnvironment environment) : IFileStore
{
    private const string TemporarySuffix = ".tmp";

    private string Root => Path.GetFullPath(options.Value.Root, environment.ContentRootPath);

    public int SweepTemporaryFiles(TimeSpan olderThan, string? owner = null)
    {
        if (owner is not null)
        {
            CheckOwner(owner);
        }

        if (!Directory.Exists(Root))
        {
            return 0;
        }

        // File times are the file system's clock, not the application's (which tests may move).
        var cutoff = DateTime.UtcNow - olderThan;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Root, "*" + TemporarySuffix, SearchOption.TopDirectoryOnly))
        {
            var mine = owner is not null && Path.GetFileName(file).StartsWith(owner + ".", StringComparison.Ordinal);
            try
            {
                if (mine || File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    File.Delete(file);
                    deleted++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Renamed or removed by its writer meanwhile, or not ours to delete: left alone.
            }
        }

        return deleted;
    }

    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Temporary(null);
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

    public Task<(string Sha256, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken = default) =>
        SaveStreamAsync(content, null, cancellationToken);

    public Task<(string Sha256, long Size)> SaveAsync(Stream content, string owner, CancellationToken cancellationToken = default)
    {
        CheckOwner(owner);
        return SaveStreamAsync(content, owner, cancellationToken);
    }

    private async Task<(string Sha256, long Size)> SaveStreamAsync(Stream content, string? owner, CancellationToken cancellationToken)
    {
        var temporary = Temporary(owner);
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

    private string Temporary(string? owner)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, (owner is null ? string.Empty : owner + ".") + Guid.NewGuid().ToString("N") + TemporarySuffix);
    }

    private static void CheckOwner(string owner)
    {
        if (owner.Length is 0 or > 64 || !owner.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("An owner is 1–64 letters, digits or '-'.", nameof(owner));
        }
    }
}
