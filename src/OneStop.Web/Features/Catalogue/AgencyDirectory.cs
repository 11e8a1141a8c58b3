using Microsoft.EntityFrameworkCore;
using OneStop.Core.Organisation;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Features.Catalogue;

/// <summary>The open agencies as the public pages show them: the province's name on the home page, the communes on the application form.</summary>
public sealed class AgencyDirectory(OneStopDbContext db)
{
    /// <summary>The province's name ("OneStop" before one is set up) and its other open agencies, by kind then name.</summary>
    public sealed record Province(string Name, IReadOnlyList<string> Agencies);

    public sealed record Commune(string Code, string Name);

    public async Task<Province> ProvinceAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ClosedOn == null)
            .OrderBy(a => a.Kind).ThenBy(a => a.Name).Select(a => new { a.Name, a.Kind }).ToListAsync(cancellationToken);
        return new Province(agencies.FirstOrDefault(a => a.Kind == AgencyKind.Province)?.Name ?? "OneStop",
            agencies.Where(a => a.Kind != AgencyKind.Province).Select(a => a.Name).ToList());
    }

    /// <summary>The open communes by name.</summary>
    public async Task<IReadOnlyList<Commune>> CommunesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.Commune && a.ClosedOn == null).OrderBy(a => a.Name)
            .Select(a => new Commune(a.Code, a.Name)).ToListAsync(cancellationToken);
}
