using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Validation;

namespace OneStop.Infrastructure.Workflows;

/// <summary>Builds the validator's view of the organisation (agency codes and their department codes) from the database.</summary>
public static class OrganisationCatalogReader
{
    public static OrganisationCatalog Read(OneStopDbContext db)
    {
        var rows = (from d in db.Departments.AsNoTracking()
                    join a in db.Agencies.AsNoTracking() on d.AgencyId equals a.Id
                    select new { Agency = a.Code, Department = d.Code }).ToList();
        var agencies = db.Agencies.AsNoTracking().Select(a => a.Code).ToList();
        return new OrganisationCatalog(agencies.ToDictionary(
            a => a, a => rows.Where(r => r.Agency == a).Select(r => r.Department)));
    }
}
