using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.Dossiers;

/// <summary>What the application form starts from: the signed-in applicant's own details and their unfinished draft, if any.</summary>
public sealed class ApplicantDrafts(OneStopDbContext db, ICurrentUser user)
{
    /// <summary>The applicant as their account records them.</summary>
    public sealed record Applicant(string FullName, string? IdNumber, string? PhoneNumber, string? Address);

    /// <summary>A draft and the code of the agency it is addressed to.</summary>
    public sealed record Draft(Dossier Dossier, string AgencyCode);

    public async Task<Applicant> ApplicantAsync(CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        return new Applicant(account.FullName, account.IdNumber, account.PhoneNumber, account.Address);
    }

    /// <summary>The applicant's latest draft for the procedure (untracked), or null: coming back to an unfinished application continues it.</summary>
    public async Task<Draft?> LatestAsync(string procedureCode, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        var draft = await (from d in db.Dossiers.AsNoTracking()
                           join p in db.Procedures on d.ProcedureId equals p.Id
                           where d.ApplicantUserId == userId && d.Status == DossierStatus.Draft && p.Code == procedureCode
                           orderby d.CreatedAt descending
                           select d).FirstOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var agencyCode = await db.Agencies.Where(a => a.Id == draft.AgencyId).Select(a => a.Code).SingleAsync(cancellationToken);
        return new Draft(draft, agencyCode);
    }
}
