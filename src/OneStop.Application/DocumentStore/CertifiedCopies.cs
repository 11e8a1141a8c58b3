using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.DocumentStore;

/// <summary>
/// The counter compared scanned papers with their originals: each attachment becomes a certified copy and, when the applicant has a
/// citizen account, goes into their store. A walk-in's account is the one whose confirmed e-mail and identity number are both those the
/// counter wrote from the papers in front of it — never one of them alone, so a typed number cannot send someone's papers to a stranger.
/// </summary>
public sealed class CertifiedCopies(OneStopDbContext db, TimeProvider clock)
{
    public async Task<int> CertifyAsync(Dossier dossier, IReadOnlyList<DossierAttachment> attachments, Guid officialId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(attachments);
        if (attachments.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        foreach (var attachment in attachments)
        {
            attachment.Certify(officialId, now);
        }

        var added = 0;
        if (await OwnerAsync(dossier, cancellationToken) is { } owner)
        {
            var agency = await db.Agencies.Where(a => a.Id == dossier.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
            var names = (await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.RequiredDocuments)
                .SingleAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
            foreach (var attachment in attachments)
            {
                if (await db.StoredDocuments.AnyAsync(s => s.AttachmentId == attachment.Id, cancellationToken))
                {
                    continue;
                }

                db.StoredDocuments.Add(StoredDocument.FromCertifiedCopy(owner, attachment.Id,
                    names.GetValueOrDefault(attachment.DocumentCode, attachment.FileName), attachment.FileName, attachment.ContentType,
                    attachment.Size, attachment.Sha256, dossier.Id, dossier.Code ?? string.Empty, agency, now));
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<Guid?> OwnerAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        if (dossier.ApplicantUserId is { } own)
        {
            return own;
        }

        var (email, idNumber) = (dossier.Applicant.Email, dossier.Applicant.IdNumber);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(idNumber))
        {
            return null;
        }

        var normalized = email.Trim().ToUpperInvariant();
        var citizens = from u in db.Users
                       join ur in db.UserRoles on u.Id equals ur.UserId
                       join r in db.Roles on ur.RoleId equals r.Id
                       where r.Name == Roles.Citizen && u.NormalizedEmail == normalized && u.EmailConfirmed && u.IdNumber == idNumber
                       select u.Id;
        var found = await citizens.Take(2).ToListAsync(cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }
}
