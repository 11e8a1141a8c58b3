using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.Files;

/// <summary>
/// Files under Root/ab/cd/&lt;sha256&gt;, written to a temporary name, flushed to disk, then moved (and the directory flushed), so a
/// reader never sees half a file and a row committed after a save never names a file a crash lost. Temporary files are
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
        if (Refresh(path))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Temporary(null);
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await file.WriteAsync(content, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        Publish(temporary, path);
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
            file.Flush(flushToDisk: true);
        }

        var path = PathOf(hash);
        if (Refresh(path))
        {
            File.Delete(temporary);
            return (hash, size);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Publish(temporary, path);
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

    /// <summary>
    /// Store files not written for <paramref name="olderThan"/> (an upload of the same bytes refreshes a file's time): the candidates of
    /// the orphan sweep, which deletes those no row references with <see cref="DeleteIfOlder"/>.
    /// </summary>
    public IEnumerable<string> StoredOlderThan(TimeSpan olderThan)
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        var cutoff = DateTime.UtcNow - olderThan;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.Length == 64 && name.All(char.IsAsciiHexDigitLower) && File.GetLastWriteTimeUtc(file) < cutoff)
            {
                yield return name;
            }
        }
    }

    public bool DeleteIfOlder(string sha256, TimeSpan olderThan)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        var path = PathOf(sha256);
        try
        {
            if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) >= DateTime.UtcNow - olderThan)
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the file is already stored; its time is then set to now, so the orphan sweep, which deletes only files not written
    /// for a day, cannot take a file a new row is about to reference.
    /// </summary>
    private static bool Refresh(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (IOException)
        {
            // Swept meanwhile: write it again.
            return File.Exists(path);
        }

        return true;
    }

    /// <summary>The written (and flushed) temporary file takes its final name; the directory is flushed too, so the name survives a crash.</summary>
    private static void Publish(string temporary, string path)
    {
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // stored meanwhile by another upload of the same bytes
            return;
        }

        FileDurability.SyncDirectory(Path.GetDirectoryName(path)!);
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
