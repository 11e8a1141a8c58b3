using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Database;
using OneStop.Infrastructure.Seeding;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

public sealed class DatabaseTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_the_seed_is_idempotent()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var factory = new OneStopAppFactoryOver(database);
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(Roles.All.OrderBy(r => r), (await db.Roles.Select(r => r.Name!).ToListAsync()).OrderBy(r => r));
        }

        var firstRun = await services.GetRequiredService<DemoSeeder>().SeedAsync();
        var counts = await CountAsync(database);
        var secondRun = await services.GetRequiredService<DemoSeeder>().SeedAsync();
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();

        Assert.True(firstRun > 30);
        Assert.Equal(0, secondRun);
        Assert.Equal(counts, await CountAsync(database));
        Assert.Equal(DemoProvince.Agencies.Count, counts.Agencies);
    }

    [Fact]
    public async Task Demo_province_has_officials_of_every_role_in_each_active_agency_and_a_closed_district()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var district = await db.Agencies.SingleAsync(a => a.Code == "H-CAOLOC");
        var successor = await db.Agencies.SingleAsync(a => a.Code == "X-CL");
        Assert.Equal(new DateOnly(2025, 7, 1), district.ClosedOn);
        Assert.Equal(successor.Id, district.SuccessorId);

        var officials = await (from u in db.Users
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join r in db.Roles on ur.RoleId equals r.Id
                               select new { u.AgencyId, Role = r.Name }).ToListAsync();
        foreach (var agency in await db.Agencies.Where(a => a.ClosedOn == null && a.Code != "UBND-LS").ToListAsync())
        {
            foreach (var role in new[] { Roles.Reception, Roles.Specialist, Roles.Leader })
            {
                Assert.Contains(officials, o => o.AgencyId == agency.Id && o.Role == role);
            }
        }

        Assert.Equal(2, officials.Count(o => o.Role == Roles.Citizen));
        Assert.Single(officials, o => o.Role == Roles.Admin);
    }

    [Fact]
    public async Task A_database_migrated_before_the_baseline_squash_is_taken_as_the_baseline_and_a_half_migrated_one_is_refused()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var factory = new OneStopAppFactoryOver(database);

        // The first build's fourteen migrations left exactly the baseline's schema (nothing of the migrations added since) and
        // their own history rows.
        await using (var db = database.CreateContext())
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(Baseline);
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM __ef_migrations_history; INSERT INTO __ef_migrations_history SELECT unnest({0}), '10.0.15'", [PreSquash]);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            // Taken as the baseline, and the migrations made after the squash applied on top of it.
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(Baseline, (await db.Database.GetAppliedMigrationsAsync()).First());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM __ef_migrations_history; INSERT INTO __ef_migrations_history SELECT unnest({0}), '10.0.15'", [PreSquash[..5]]);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var error = await Assert.ThrowsAsync<DatabaseNotUpgradableException>(() =>
                scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync());
            Assert.Contains("./onestop db migrate", error.Message);
        }
    }

    private const string Baseline = "20261205074625_Baseline";

    private static readonly string[] PreSquash =
    [
        "20261128130007_Foundation", "20261128132124_WorkflowEngine", "20261128133548_DossiersAndDocuments",
        "20261128134317_ProcedureSearch", "20261128135428_DossierDrafts", "20261128180329_ProcedureVersions",
        "20261128180352_WorkspaceReturnsAndInbox", "20261129020140_PortalPaymentsDeliveryRatings", "20261129020424_LegacyImport",
        "20261129021652_WorkspaceJournalAddress", "20261129022927_AdminAuditOrganisationSettings", "20261129024803_AdminSettingsCalendar",
        "20261129044948_EmailOutbox", "20261129060738_WorkspaceInboxProjection",
    ];

    private static async Task<(int Agencies, int Departments, int Users, int UserRoles)> CountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.Agencies.CountAsync(), await db.Departments.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync());
    }
}
