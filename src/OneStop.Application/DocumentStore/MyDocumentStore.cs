using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Documents;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;

namespace OneStop.Application.DocumentStore;

/// <summary>
/// The signed-in citizen's document store (kho dữ liệu điện tử): what is theirs, and nothing of anyone else's (another citizen's
/// document does not exist for them). Officials have no store and no way in: they see only what was attached to a dossier.
/// </summary>
public sealed class MyDocumentStore(OneStopDbContext db, ICurrentUser user, IFileStore files)
{
    /// <summary>One document as its owner sees it.</summary>
    public sealed record Item(Guid Id, string Source, string Title, string FileName, string ContentType, long Size, string Sha256,
        string DossierCode, string AgencyName, DateTimeOffset IssuedAt, DateTimeOffset AddedAt, string Provenance);

    /// <summary>The bytes of one document and how to serve them.</summary>
    public sealed record Content(Stream Stream, string ContentType, string FileName);

    public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken cancellationToken)
    {
        var ownerId = user.RequireId();
        var documents = await db.StoredDocuments.AsNoTracking().Where(d => d.OwnerId == ownerId)
            .OrderByDescending(d => d.IssuedAt).ThenBy(d => d.Title).ToListAsync(cancellationToken);
        return documents.Select(ToItem).ToList();
    }

    /// <summary>The citizen's own document, tracked; <see cref="NotFoundException"/> for anything else.</summary>
    public async Task<StoredDocument> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var ownerId = user.RequireId();
        return await db.StoredDocuments.SingleOrDefaultAsync(d => d.Id == id && d.OwnerId == ownerId, cancellationToken)
            ?? throw new NotFoundException("Không tìm thấy giấy tờ trong kho dữ liệu của bạn.");
    }

    public async Task<Content> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await GetAsync(id, cancellationToken);
        var stream = await files.OpenAsync(document.Sha256, cancellationToken)
            ?? throw new NotFoundException("Tệp của giấy tờ này không còn trong kho lưu trữ.");
        return new Content(stream, document.ContentType, document.FileName);
    }

    public static Item ToItem(StoredDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new Item(d.Id, d.Source.ToString(), d.Title, d.FileName, d.ContentType, d.Size, d.Sha256, d.DossierCode, d.AgencyName, d.IssuedAt,
            d.AddedAt, d.Provenance);
    }
}
