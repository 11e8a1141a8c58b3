using Microsoft.EntityFrameworkCore;
using OneStop.Core.Organisation;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Workflows;

namespace OneStop.Infrastructure.Seeding;

/// <summary>Seeds the demo province; running it again changes nothing.</summary>
public sealed class DemoSeeder(OneStopDbContext db, UserProvisioner provisioner, WorkflowFilePublisher workflows, DemoSigningSeeder signing)
{
    /// <summary>Returns how many rows were added (0 on a second run).</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var added = await SeedAgenciesAsync(cancellationToken);
        foreach (var user in AllUsers())
        {
            var normalized = user.Email.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
            {
                continue;
            }

            await provisioner.CreateAsync(
                new NewUser(user.Email, user.FullName, user.Role, user.AgencyCode, user.DepartmentCode, DemoProvince.Password,
                    user.IdNumber, user.Phone, user.Address, EmailConfirmed: true),
                cancellationToken);
            added++;
        }

        added += workflows.PublishAll();
        added += await SeedProceduresAsync(cancellationToken);
        added += await signing.SeedAsync(cancellationToken);
        return added;
    }

    public static IEnumerable<UserSeed> AllUsers() =>
        new[] { DemoProvince.Admin }.Concat(DemoProvince.Officials()).Concat(DemoProvince.Citizens);

    private async Task<int> SeedProceduresAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        var fields = await db.Fields.ToDictionaryAsync(f => f.Code, cancellationToken);
        foreach (var (code, name) in DemoProcedures.Fields.Where(f => !fields.ContainsKey(f.Code)))
        {
            fields[code] = db.Fields.Add(new Field(code, name)).Entity;
            added++;
        }

        var existing = await db.Procedures.Select(p => p.Code).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        foreach (var seed in DemoProcedures.All.Where(p => !existing.Contains(p.Code)))
        {
            var procedure = new Procedure(seed.Code, seed.Name, fields[seed.Field].Id, seed.Agency is null ? null : agencies[seed.Agency],
                seed.Level, seed.Fee, seed.Days, seed.Workflow);
            procedure.Describe(seed.Documents, seed.Form, seed.ResultTemplate);
            db.Procedures.Add(procedure);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<int> SeedAgenciesAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, cancellationToken);
        foreach (var seed in DemoProvince.Agencies)
        {
            if (!agencies.TryGetValue(seed.Code, out var agency))
            {
                var parentId = seed.ParentCode is null ? (Guid?)null : agencies[seed.ParentCode].Id;
                agency = new Agency(seed.Code, seed.Name, seed.Identifier, seed.Kind, parentId);
                db.Agencies.Add(agency);
                agencies[seed.Code] = agency;
                added++;
            }
        }

        foreach (var seed in DemoProvince.Agencies.Where(s => s.ClosedOn is not null))
        {
            var agency = agencies[seed.Code];
            if (agency.ClosedOn is null)
            {
                agency.Close(seed.ClosedOn!.Value, seed.Successor is null ? null : agencies[seed.Successor]);
            }
        }

        var departments = await db.Departments.Select(d => new { d.AgencyId, d.Code }).ToListAsync(cancellationToken);
        foreach (var seed in DemoProvince.Agencies)
        {
            var agency = agencies[seed.Code];
            foreach (var department in seed.Departments.Where(d => !departments.Any(x => x.AgencyId == agency.Id && x.Code == d.Code)))
            {
                db.Departments.Add(new Department(agency.Id, department.Code, department.Name, department.IsReception));
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
