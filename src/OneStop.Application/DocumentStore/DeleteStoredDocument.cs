using OneStop.Application.Common;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.DocumentStore;

public sealed record DeleteStoredDocumentCommand(Guid Id);

/// <summary>
/// The citizen removes a document from their store. Only from the store: a dossier that attached it keeps its attachment (the bytes
/// stay while that attachment names them), and the issued result itself stays with its dossier.
/// </summary>
public sealed class DeleteStoredDocument(MyDocumentStore store, OneStopDbContext db, IUnitOfWork unitOfWork)
    : UseCase<DeleteStoredDocumentCommand, bool>(unitOfWork)
{
    protected override async Task<bool> RunAsync(DeleteStoredDocumentCommand command, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(command.Id, cancellationToken);
        db.StoredDocuments.Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
