using OneStop.Infrastructure.Files;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Records;

namespace OneStop.Infrastructure.Legacy;

/// <summary>Copies attachment files from the bundle into the file store (streamed, stored once by SHA-256).</summary>
internal sealed class LegacyAttachmentFiles(LegacyBundle bundle, IFileStore store, Guid runId)
{
    /// <summary>The owner name of the run's temporary files in the store (see <see cref="IFileStore.SweepTemporaryFiles"/>).</summary>
    public static string Owner(Guid runId) => "legacy-" + runId.ToString("N");

    public async Task<StoredFile?> CopyAsync(LegacyAttachment attachment, CancellationToken cancellationToken)
    {
        if (attachment.FileMissing || attachment.Path.Length == 0)
        {
            return null;
        }

        await using var source = bundle.OpenFile(attachment.Path);
        var (sha256, size) = await store.SaveAsync(source, Owner(runId), cancellationToken);
        var header = new byte[8];
        var read = 0;
        await using (var stored = await store.OpenAsync(sha256, cancellationToken))
        {
            if (stored is not null)
            {
                read = await stored.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            }
        }

        return new StoredFile(sha256, size, UploadInspector.DetectType(header.AsSpan(0, read)) ?? "application/octet-stream");
    }
}
