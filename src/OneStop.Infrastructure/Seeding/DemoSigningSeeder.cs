using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Documents.Signing.Development;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Signing;

namespace OneStop.Infrastructure.Seeding;

/// <summary>
/// Gives the demo province what it needs to sign: a throw-away development CA made here (never a file, never committed), a certificate
/// for every demo official and agency that has none, the CA's root as a demo trust anchor, and the title each leader signs under.
/// Every row is marked demo, and Production refuses to start with one.
/// </summary>
public sealed class DemoSigningSeeder(OneStopDbContext db, SigningCredentials credentials)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var officialEmails = DemoProvince.Officials().Select(o => o.Email.ToUpperInvariant()).ToList();
        var officials = await db.Users.Where(u => officialEmails.Contains(u.NormalizedEmail!)).ToListAsync(cancellationToken);
        var agencyCodes = DemoProvince.Agencies.Where(a => a.ClosedOn is null).Select(a => a.Code).ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyCodes.Contains(a.Code)).ToListAsync(cancellationToken);
        var holders = await db.SigningCredentials.AsNoTracking().Where(c => c.RevokedAt == null)
            .Select(c => c.UserId ?? c.AgencyId).ToListAsync(cancellationToken);
        var leaders = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Leader select ur.UserId)
            .ToListAsync(cancellationToken);

        var added = 0;
        foreach (var leader in officials.Where(o => leaders.Contains(o.Id) && o.Position is null))
        {
            var agency = agencies.SingleOrDefault(a => a.Id == leader.AgencyId);
            leader.Position = agency?.Name.StartsWith("Ủy ban", StringComparison.Ordinal) == true ? "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" : "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC";
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var missingOfficials = officials.Where(o => !holders.Contains(o.Id)).ToList();
        var missingAgencies = agencies.Where(a => !holders.Contains(a.Id)).ToList();
        if (missingOfficials.Count == 0 && missingAgencies.Count == 0)
        {
            return added;
        }

        using var ca = DevelopmentCertificateAuthority.Create("OneStop Demo");
        await credentials.AddTrustAnchorAsync(ca.Root.RawData, demo: true, cancellationToken);
        const string password = "onestop-demo";
        foreach (var official in missingOfficials)
        {
            var agency = agencies.SingleOrDefault(a => a.Id == official.AgencyId);
            using var certificate = ca.IssuePerson(official.FullName, agency?.Name);
            await credentials.UploadAsync(SigningOwner.Official, official.Id, ca.ExportPkcs12(certificate, password), password, null, demo: true,
                cancellationToken);
            added++;
        }

        foreach (var agency in missingAgencies)
        {
            using var certificate = ca.IssueSeal(agency.Name);
            await credentials.UploadAsync(SigningOwner.Agency, agency.Id, ca.ExportPkcs12(certificate, password), password, null, demo: true,
                cancellationToken);
            added++;
        }

        return added;
    }
}
