using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OneStop.Testing;
using OneStop.Workflows.Runtime.State;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>RenameWorkflowDossierReference: state and effects stored under the old name read as before, under the new one.</summary>
public sealed class WorkflowDossierReferenceMigrationTests
{
    [Fact]
    public async Task Stored_state_and_pending_effects_keep_their_dossier_code_and_the_inbox_triggers_read_the_renamed_column()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var instanceId = Guid.NewGuid();
        var state = WorkflowStateSerializer.Serialize(new WorkflowInstance(instanceId, "SGTVT-261205-0001", "driving-licence-renewal", 1, "SGTVT", null))
            .Replace("\"dossierCode\"", "\"dossierId\"", StringComparison.Ordinal);
        const string effect = """{"kind":"Notify","dossierId":"SGTVT-261205-0001"}""";
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261205101400_AddDossierLookupKey");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO workflow_instances (id, dossier_id, definition_id, definition_version, status, version, receiving_agency, started_at, is_overdue, state)
                VALUES ({instanceId}, 'SGTVT-261205-0001', 'driving-licence-renewal', 1, 'Running', 1, 'SGTVT', now(), false, {state}::jsonb);
                INSERT INTO workflow_outbox (instance_id, dossier_id, kind, payload, created_at, available_at, attempts)
                VALUES ({instanceId}, 'SGTVT-261205-0001', 'Notify', {effect}::jsonb, now(), now(), 0);
                """);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var stored = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
            Assert.Equal("SGTVT-261205-0001", stored.DossierCode);
            Assert.Equal("SGTVT-261205-0001", WorkflowStateSerializer.Deserialize(stored.State).DossierCode);
            Assert.DoesNotContain("dossierId", stored.State, StringComparison.Ordinal);
            var payload = await db.WorkflowOutbox.AsNoTracking().Select(o => o.Payload).SingleAsync();
            Assert.Equal("SGTVT-261205-0001", JsonDocument.Parse(payload).RootElement.GetProperty("dossierCode").GetString());

            // The inbox's trigger functions read the renamed column (an insert would fail if they still named the old one).
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO workflow_tasks (id, instance_id, dossier_code, step_id, role, agency, department, created_at, due_at, is_overdue)
                VALUES (gen_random_uuid(), {instanceId}, 'SGTVT-261205-0001', 'reception', 'Reception', 'SGTVT', 'MOTCUA', now(), now(), false);
                """);
        }
    }
}
