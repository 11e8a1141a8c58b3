using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Database.Maintenance;
using OneStop.Infrastructure.Files;
using OneStop.IntegrationTests.Security;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// The file store keeps what rows reference and, after a day, deletes what none does (an upload whose request failed); a file saved
/// again is young again, and nothing is swept while a legacy import may still be resumed. The sweep walks the whole store, so of all
/// the hosts one runs it, once a day.
/// </summary>
public sealed class StoreOrphanSweepTests(PreparedDossierApp app) : IClassFixture<PreparedDossierApp>
{
    [Fact]
    public async Task Files_no_row_references_are_deleted_after_a_day_and_referenced_or_refreshed_ones_are_kept()
    {
        var scenario = await app.ScenarioAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var referenced = await db.DossierAttachments.Where(a => a.Id == scenario.AttachmentId).Select(a => a.Sha256).SingleAsync();
        var orphan = await files.SaveAsync("tệp của một yêu cầu thất bại"u8.ToArray());
        var refreshed = await files.SaveAsync("tệp được tải lên lại"u8.ToArray());
        var young = await files.SaveAsync("tệp vừa tải lên"u8.ToArray());
        foreach (var hash in new[] { referenced, orphan, refreshed })
        {
            Age(hash, TimeSpan.FromDays(2));
        }

        await files.SaveAsync("tệp được tải lên lại"u8.ToArray()); // the same bytes again: a new row is about to name it

        var deleted = await scope.ServiceProvider.GetRequiredService<StoreOrphanSweeper>().SweepAsync();

        Assert.Equal(1, deleted);
        Assert.Null(await files.OpenAsync(orphan));
        foreach (var kept in new[] { referenced, refreshed, young })
        {
            await using var stream = await files.OpenAsync(kept);
            Assert.NotNull(stream);
        }
    }

    [Fact]
    public async Task Nothing_is_swept_while_a_legacy_import_may_still_be_resumed()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var staged = await files.SaveAsync("tệp đính kèm của một lần nhập dở dang"u8.ToArray());
        Age(staged, TimeSpan.FromDays(3));
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO legacy.import_runs (id, bundle_key, bundle, source_system, started_at, status) VALUES (gen_random_uuid(), 'k', 'b', 's', now() - interval '2 days', 'Failed')");
        try
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<StoreOrphanSweeper>().SweepAsync());
            await using var stream = await files.OpenAsync(staged);
            Assert.NotNull(stream);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM legacy.import_runs WHERE bundle_key = 'k'");
        }
    }

    [Fact]
    public async Task Of_hosts_claiming_a_task_at_once_one_runs_it_and_it_is_due_again_after_its_period()
    {
        const string task = "test.claim";
        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MaintenanceClaims>().TryClaimAsync(task, TimeSpan.FromHours(1));
        }));
        Assert.Equal(1, claimed.Count(c => c));

        await using var later = app.Services.CreateAsyncScope();
        var claims = later.ServiceProvider.GetRequiredService<MaintenanceClaims>();
        var db = later.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.False(await claims.TryClaimAsync(task, TimeSpan.FromHours(1)));
        await db.Database.ExecuteSqlRawAsync("UPDATE maintenance_claims SET claimed_at = claimed_at - interval '61 minutes' WHERE task = 'test.claim'");
        Assert.True(await claims.TryClaimAsync(task, TimeSpan.FromHours(1)));
        Assert.False(await claims.TryClaimAsync(task, TimeSpan.FromHours(1)));

        await claims.ReleaseAsync(task); // a run that failed: due again at once
        Assert.True(await claims.TryClaimAsync(task, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task The_sweep_runs_once_a_day_whichever_host_asks_and_the_purge_of_sent_mail_hourly()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var maintenance = scope.ServiceProvider.GetRequiredService<MaintenanceTasks>();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM maintenance_claims");

        var first = await files.SaveAsync("tệp mồ côi thứ nhất"u8.ToArray());
        Age(first, TimeSpan.FromDays(2));
        Assert.Equal([MaintenanceTasks.PurgeSentMail, MaintenanceTasks.SweepStoreOrphans], await maintenance.RunDueAsync());
        Assert.Null(await files.OpenAsync(first));

        // Another host an hour later: the purge is due again, the sweep is not, and the new orphan waits for tomorrow's sweep.
        var second = await files.SaveAsync("tệp mồ côi thứ hai"u8.ToArray());
        Age(second, TimeSpan.FromDays(2));
        await db.Database.ExecuteSqlRawAsync("UPDATE maintenance_claims SET claimed_at = claimed_at - interval '61 minutes'");
        Assert.Equal([MaintenanceTasks.PurgeSentMail], await maintenance.RunDueAsync());
        await using (var stream = await files.OpenAsync(second))
        {
            Assert.NotNull(stream);
        }

        await db.Database.ExecuteSqlRawAsync("UPDATE maintenance_claims SET claimed_at = claimed_at - interval '1 day'");
        Assert.Equal([MaintenanceTasks.PurgeSentMail, MaintenanceTasks.SweepStoreOrphans], await maintenance.RunDueAsync());
        Assert.Null(await files.OpenAsync(second));
        Assert.Equal(
            [Environment.MachineName],
            await db.Database.SqlQueryRaw<string>("SELECT DISTINCT claimed_by AS \"Value\" FROM maintenance_claims WHERE task LIKE '%.%' AND task <> 'test.claim'").ToListAsync());
    }

    private void Age(string sha256, TimeSpan age)
    {
        var path = Directory.GetFiles(Path.Combine(app.MailDirectory, "files"), sha256, SearchOption.AllDirectories).Single();
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
    }
}
