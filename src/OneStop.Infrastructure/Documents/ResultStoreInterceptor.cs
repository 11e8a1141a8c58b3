using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Core.Organisation;
using OneStop.Infrastructure.Files;
using OneStop.Workflows.Definitions;

namespace OneStop.Infrastructure.Documents;

/// <summary>
/// Puts every result issued to an applicant with an account into their document store, in the save that issues it, whoever issues it
/// (the workflow's effect, a reissue): the store follows the issued document, not the issuer's code. Once per result (the store's
/// unique issued-document key); a corrected result replaces the one it corrects. The bytes go to the content-addressed file store,
/// where a save that then rolls back leaves only a file the orphan sweep removes.
/// </summary>
internal sealed class ResultStoreInterceptor(IFileStore files, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>
    /// Storing a result writes its file, which is asynchronous: a synchronous save that issues one is refused rather than blocking a
    /// thread on the file store (nothing issues documents that way; a save without new results passes untouched).
    /// </summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && NewResults(context).Count > 0)
        {
            throw new InvalidOperationException(
                "A result document is saved with SaveChangesAsync only: putting it into the applicant's document store writes its file asynchronously.");
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && NewResults(context) is { Count: > 0 } results)
        {
            await AddAsync(context, results, cancellationToken);
        }

        return result;
    }

    private static List<IssuedDocument> NewResults(DbContext context) =>
        context.ChangeTracker.Entries<IssuedDocument>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == DocumentKinds.Result && e.Entity.DossierId is not null)
            .Select(e => e.Entity)
            .Where(d => !context.ChangeTracker.Entries<StoredDocument>().Any(s => s.Entity.IssuedDocumentId == d.Id))
            .ToList();

    private async ValueTask AddAsync(DbContext context, List<IssuedDocument> results, CancellationToken cancellationToken)
    {
        foreach (var document in results)
        {
            var dossier = await context.Set<Dossier>().Where(d => d.Id == document.DossierId)
                .Select(d => new { d.ApplicantUserId, d.Code }).SingleOrDefaultAsync(cancellationToken);
            // Once per result: NewResults skips one already added in this context, and the store's unique issued-document key refuses
            // any other (nothing saved can name a result that is only now being inserted).
            if (dossier?.ApplicantUserId is not { } owner)
            {
                continue;
            }

            var agency = await context.Set<Agency>().Where(a => a.Id == document.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
            var sha256 = await files.SaveAsync(document.Content, cancellationToken);
            context.Add(StoredDocument.FromResult(owner, document.Id, document.Title, document.FileName, document.Content.LongLength, sha256,
                document.DossierId!.Value, dossier.Code ?? string.Empty, agency, document.IssuedAt, clock.GetUtcNow()));
            if (document.ReplacesId is { } replaced)
            {
                // The corrected result supersedes the one the citizen held, in the same save (a save that fails keeps it); attachments
                // that reused it keep their bytes.
                context.RemoveRange(await context.Set<StoredDocument>().Where(s => s.IssuedDocumentId == replaced && s.OwnerId == owner)
                    .ToListAsync(cancellationToken));
            }
        }
    }
}
