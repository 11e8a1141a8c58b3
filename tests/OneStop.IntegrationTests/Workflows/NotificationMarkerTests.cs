using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workflows;

/// <summary>The marker that keeps one event from notifying a user twice: its own indexed column, filled for old rows by the migration.</summary>
public sealed class NotificationMarkerTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task An_effect_delivered_twice_notifies_each_recipient_once_in_the_app_and_by_mail()
    {
        await using var host = fixture.NewHost();
        Guid specialist;
        await using (var db = fixture.Database.CreateContext())
        {
            specialist = await db.Users.Where(u => u.Email == DemoAccounts.SpecialistSgtvt).Select(u => u.Id).SingleAsync();
        }

        var started = await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-261201-0900");
        var effect = new WorkflowEffect(EffectKind.Notify, started.Instance.Id, "SGTVT-261201-0900")
        {
            Reason = EffectReasons.TaskAssigned,
            RecipientUserId = specialist.ToString(),
        };
        const long outboxId = 987_654;

        // The outbox is at least once: the same entry handled again (a host died before marking it delivered) changes nothing.
        for (var delivery = 0; delivery < 2; delivery++)
        {
            await host.InScopeAsync(async sp =>
            {
                await sp.GetServices<IWorkflowEffectHandler>().Single(h => h.Kind == EffectKind.Notify).HandleAsync(effect, outboxId, CancellationToken.None);
                return 0;
            });
        }

        await using var check = fixture.Database.CreateContext();
        var notes = await check.Notifications.Where(n => n.UserId == specialist && n.DossierId == "SGTVT-261201-0900").ToListAsync();
        var note = Assert.Single(notes);
        Assert.Equal($"outbox:{outboxId}", note.Marker);
        Assert.EndsWith($"[outbox:{outboxId}]", note.Message, StringComparison.Ordinal);
        Assert.Equal(1, await check.EmailOutbox.CountAsync(m => m.DossierCode == "SGTVT-261201-0900" && m.Key.StartsWith($"outbox:{outboxId}:")));
    }

    [Fact]
    public async Task The_migration_takes_each_old_notifications_marker_from_the_end_of_its_message()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var userId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261206195644_OneCorrectionPerDocument");
            db.Users.Add(new OneStopUser { Id = userId, UserName = "citizen@example.vn", Email = "citizen@example.vn", FullName = "Nguyễn Văn A", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO notifications (id, user_id, dossier_id, message, created_at) VALUES
                  (gen_random_uuid(), {userId}, 'SGTVT-261201-0001', 'Đã nộp hồ sơ SGTVT-261201-0001 [bản sao] thành công. [submitted:0a1b]', now()),
                  (gen_random_uuid(), {userId}, 'SGTVT-261201-0001', 'Hồ sơ SGTVT-261201-0001 có cập nhật mới. [outbox:17]', now()),
                  (gen_random_uuid(), {userId}, NULL, 'Thông báo không có dấu', now());
                """);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var markers = await db.Notifications.AsNoTracking().OrderBy(n => n.Marker).Select(n => n.Marker).ToListAsync();
            Assert.Equal(["outbox:17", "submitted:0a1b", null], markers);
        }
    }
}
