using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>
/// The dispatchers' polls read the pending rows' partial index and stop at the first row, whatever the number of delivered rows: ordered
/// by id alone the e-mail poll walked the primary key through every sent mail (found at the submissions' saturation, PERFORMANCE.md).
/// </summary>
public sealed class OutboxPollTests
{
    public static TheoryData<string, string, string> Polls => new()
    {
        { EmailOutboxDispatcher.Poll, "email_outbox", "ix_email_outbox_available_at" },
        { WorkflowOutboxDispatcher.Poll, "workflow_outbox", "ix_workflow_outbox_available_at" },
        { NationalPortalDispatcher.Poll, "national_portal_outbox", "ix_national_portal_outbox_available_at" },
    };

    [Theory]
    [MemberData(nameof(Polls))]
    public async Task A_poll_reads_the_pending_index_not_the_delivered_rows(string poll, string table, string pendingIndex)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO email_outbox (key, "to", subject, html_body, covers, created_at, available_at, sent_at, attempts)
            SELECT 'k' || g, 'a@example.vn', 's', repeat('x', 1200), ARRAY[]::bigint[], now(), clock_timestamp(), CASE WHEN g <= 19500 THEN now() END, 0
            FROM generate_series(1, 20000) g;
            INSERT INTO workflow_outbox (instance_id, dossier_code, kind, payload, created_at, available_at, delivered_at, attempts)
            SELECT gen_random_uuid(), 'X-' || g, 'notify', jsonb_build_object(), now(), clock_timestamp(), CASE WHEN g <= 19500 THEN now() END, 0
            FROM generate_series(1, 20000) g;
            SET session_replication_role = replica; -- the portal's rows without dossiers to point at
            INSERT INTO national_portal_outbox (message_id, dossier_id, dossier_code, sequence, status, procedure_code, agency_identifier,
                                                occurred_at, created_at, available_at, sent_at, attempts)
            SELECT gen_random_uuid(), gen_random_uuid(), 'X-' || g, 1, 'received', 'P', 'A', now(), now(), clock_timestamp(),
                   CASE WHEN g <= 19500 THEN now() END, 0
            FROM generate_series(1, 20000) g;
            RESET session_replication_role;
            ANALYZE email_outbox, workflow_outbox, national_portal_outbox;
            """);
        var plan = await GenericPlans.ExplainAsync(db, poll.Replace("{0}", "$1", StringComparison.Ordinal), "now() + interval '1 hour'",
            "(timestamptz)");

        Assert.Contains(pendingIndex, plan, StringComparison.Ordinal);
        Assert.DoesNotContain($"pk_{table}", plan, StringComparison.Ordinal);
        Assert.DoesNotContain($"Seq Scan on {table}", plan, StringComparison.Ordinal);
    }
}
