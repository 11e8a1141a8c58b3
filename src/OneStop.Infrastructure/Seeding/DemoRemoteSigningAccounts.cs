using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Signing;

namespace OneStop.Infrastructure.Seeding;

/// <summary>
/// The remote-signing simulator's accounts of the demo province, so a fresh installation can try "ký số từ xa": the account
/// "demo-‹part of the e-mail before @›" of a demo official signs, on the simulated device, with the demo certificate the demo seed made for
/// that official (<see cref="DemoSigningSeeder"/>), kept even after the account replaced it. Production refuses both the simulator and
/// the demo data (ProductionGuard).
/// </summary>
public sealed class DemoRemoteSigningAccounts(OneStopDbContext db, SigningCredentials credentials)
{
    public const string Prefix = "demo-";

    /// <summary>The simulator account of a demo official.</summary>
    public static string AccountOf(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return Prefix + (at < 0 ? email : email[..at]);
    }

    /// <summary>The certificate, key and issuers of a demo account, or null when the account is not one.</summary>
    public async Task<X509Certificate2Collection?> FindAsync(string account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.StartsWith(Prefix, StringComparison.Ordinal) || account.Length == Prefix.Length || account.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        var email = (account[Prefix.Length..] + "@" + DemoProvince.EmailDomain).ToUpperInvariant();
        var credential = await (from c in db.SigningCredentials.AsNoTracking()
                                join u in db.Users on c.UserId equals u.Id
                                where u.NormalizedEmail == email && c.Demo && c.Kind == SigningCredentialKind.Pkcs12
                                orderby c.UploadedAt descending
                                select c).FirstOrDefaultAsync(cancellationToken);
        return credential is null ? null : credentials.OpenCollection(credential);
    }

    /// <summary>The demo account of each official who has one (for the signing console's hint).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ByOfficialAsync(CancellationToken cancellationToken = default)
    {
        var suffix = "@" + DemoProvince.EmailDomain.ToUpperInvariant();
        var rows = await (from c in db.SigningCredentials.AsNoTracking()
                          join u in db.Users on c.UserId equals u.Id
                          where c.Demo && c.Kind == SigningCredentialKind.Pkcs12 && u.NormalizedEmail!.EndsWith(suffix)
                          select new { u.Id, u.Email }).Distinct().ToListAsync(cancellationToken);
        return rows.Where(r => r.Email is not null).ToDictionary(r => r.Id, r => AccountOf(r.Email!));
    }
}
