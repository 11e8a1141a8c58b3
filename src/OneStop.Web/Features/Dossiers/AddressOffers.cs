using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Core.Organisation;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Web.Pages.Shared;

namespace OneStop.Web.Features.Dossiers;

/// <summary>Builds the address offer of generated forms: the province's open communes (by their common name) and the province.</summary>
public sealed class AddressOffers(OneStopDbContext db, IOptions<ProvinceOptions> province)
{
    public async Task<AddressOffer> CurrentAsync(CancellationToken cancellationToken)
    {
        var names = await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.Commune && a.ClosedOn == null).OrderBy(a => a.Name)
            .Select(a => a.Name).ToListAsync(cancellationToken);
        return new AddressOffer(names.Select(CommuneName).ToList(), province.Value.Place);
    }

    /// <summary>"Ủy ban nhân dân phường Lương Văn Tri" → "Phường Lương Văn Tri".</summary>
    public static string CommuneName(string agencyName)
    {
        ArgumentNullException.ThrowIfNull(agencyName);
        const string prefix = "Ủy ban nhân dân ";
        var name = agencyName.StartsWith(prefix, StringComparison.Ordinal) ? agencyName[prefix.Length..] : agencyName;
        return name.Length == 0 ? name : char.ToUpper(name[0], VietnameseFormats.Culture) + name[1..];
    }
}
