using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Workflows.Entities;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Workflows;

/// <summary>The parameters of <see cref="WorkflowStoreSql"/>: the instance's columns, its state serialised once, and its projections as arrays.</summary>
internal static class WorkflowStoreParameters
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The instance's columns and its state; returns the state as serialised.</summary>
    public static string AddInstance(List<NpgsqlParameter> p, WorkflowInstance instance)
    {
        p.Add(Value("id", instance.Id));
        p.Add(Value("dossier_code", instance.DossierCode));
        p.Add(Value("definition_id", instance.DefinitionId));
        p.Add(Value("definition_version", instance.DefinitionVersion));
        p.Add(Value("status", instance.Status.ToString()));
        p.Add(Value("version", instance.Version));
        p.Add(Value("ended_at", Utc(instance.EndedAt), NpgsqlDbType.TimestampTz));
        p.Add(Value("total_due_at", Utc(instance.TotalDueAt), NpgsqlDbType.TimestampTz));
        p.Add(Value("is_overdue", instance.IsOverdue));
        p.Add(Value("outcome", instance.Outcome?.ToString(), NpgsqlDbType.Text));
        var state = WorkflowStateSerializer.Serialize(instance);
        p.Add(Value("state", state, NpgsqlDbType.Jsonb));
        return state;
    }

    /// <summary>Tasks, timers, the journal entries after those already stored, their audit lines, and the effects.</summary>
    public static void AddProjections(List<NpgsqlParameter> p, WorkflowInstance instance, IReadOnlyList<WorkflowEffect> effects,
        AuditActorInfo who, DateTimeOffset now)
    {
        var tasks = instance.OpenTasks;
        p.Add(Value("task_id", tasks.Select(t => t.Id).ToArray()));
        p.Add(Value("task_step_id", tasks.Select(t => t.StepId).ToArray()));
        p.Add(Value("task_role", tasks.Select(t => t.Role).ToArray()));
        p.Add(Value("task_agency", tasks.Select(t => t.Agency).ToArray()));
        p.Add(Value("task_department", tasks.Select(t => t.Department).ToArray()));
        p.Add(Value("task_assigned_to", tasks.Select(t => t.AssignedTo).ToArray()));
        p.Add(Value("task_created_at", tasks.Select(t => t.CreatedAt.ToUniversalTime()).ToArray()));
        p.Add(Value("task_due_at", tasks.Select(t => Utc(t.DueAt)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz));
        p.Add(Value("task_is_overdue", tasks.Select(t => t.IsOverdue).ToArray()));

        var timers = instance.Timers;
        p.Add(Value("timer_id", timers.Select(t => t.Id).ToArray()));
        p.Add(Value("timer_kind", timers.Select(t => t.Kind.ToString()).ToArray()));
        p.Add(Value("timer_due_at", timers.Select(t => t.DueAt.ToUniversalTime()).ToArray()));
        p.Add(Value("timer_task_id", timers.Select(t => t.TaskId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid));

        // The entries read back with the state are stored already (state and journal are written together); the key refuses a
        // repeat anyway, and only the entries actually inserted get an audit line.
        var journal = instance.Journal.Skip(instance.LoadedJournalCount).Select(j => Record(instance, j)).ToList();
        p.Add(Value("journal_sequence", journal.Select(j => j.Sequence).ToArray()));
        p.Add(Value("journal_at", journal.Select(j => j.At.ToUniversalTime()).ToArray()));
        p.Add(Value("journal_kind", journal.Select(j => j.Kind.ToString()).ToArray()));
        p.Add(Value("journal_actor_id", journal.Select(j => j.ActorId).ToArray()));
        p.Add(Value("journal_actor_role", journal.Select(j => j.ActorRole).ToArray()));
        p.Add(Value("journal_actor_address", journal.Select(j => j.ActorAddress).ToArray()));
        p.Add(Value("journal_task_id", journal.Select(j => j.TaskId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid));
        p.Add(Value("journal_from_step", journal.Select(j => j.FromStep).ToArray()));
        p.Add(Value("journal_to_step", journal.Select(j => j.ToStep).ToArray()));
        p.Add(Value("journal_action_id", journal.Select(j => j.ActionId).ToArray()));
        p.Add(Value("journal_action_label", journal.Select(j => j.ActionLabel).ToArray()));
        p.Add(Value("journal_comment", journal.Select(j => j.Comment).ToArray()));
        p.Add(Value("journal_files", journal.Select(j => JsonSerializer.Serialize(j.Files, PayloadOptions)).ToArray()));
        p.Add(Value("journal_documents", journal.Select(j => JsonSerializer.Serialize(j.Documents, PayloadOptions)).ToArray()));

        var audit = journal.Select(j => (j.Sequence, Line: DossierAuditLines.ForJournal(j, who, now))).Where(a => a.Line is not null).ToList();
        p.Add(Value("audit_at", now.ToUniversalTime()));
        p.Add(Value("audit_sequence", audit.Select(a => a.Sequence).ToArray()));
        p.Add(Value("audit_user_id", audit.Select(a => a.Line!.UserId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid));
        p.Add(Value("audit_user_name", audit.Select(a => a.Line!.UserName).ToArray()));
        p.Add(Value("audit_action", audit.Select(a => a.Line!.Action).ToArray()));
        p.Add(Value("audit_before", audit.Select(a => a.Line!.Before).ToArray()));
        p.Add(Value("audit_after", audit.Select(a => a.Line!.After).ToArray()));
        p.Add(Value("audit_ip", audit.Select(a => a.Line!.Ip).ToArray()));

        p.Add(Value("now", now.ToUniversalTime()));
        p.Add(Value("outbox_instance_id", effects.Select(e => e.InstanceId).ToArray()));
        p.Add(Value("outbox_dossier_code", effects.Select(e => e.DossierCode).ToArray()));
        p.Add(Value("outbox_kind", effects.Select(e => e.Kind.ToString()).ToArray()));
        p.Add(Value("outbox_payload", effects.Select(e => JsonSerializer.Serialize(e, PayloadOptions)).ToArray()));
    }

    private static WorkflowJournalRecord Record(WorkflowInstance instance, JournalEntry j) => new()
    {
        InstanceId = instance.Id,
        Sequence = j.Sequence,
        DossierCode = instance.DossierCode,
        At = j.At,
        Kind = j.Kind,
        ActorId = j.ActorId,
        ActorRole = j.ActorRole,
        ActorAddress = j.ActorAddress,
        TaskId = j.TaskId,
        FromStep = j.FromStep,
        ToStep = j.ToStep,
        ActionId = j.ActionId,
        ActionLabel = j.ActionLabel,
        Comment = j.Comment,
        Files = [.. j.Files],
        Documents = [.. j.Documents],
    };

    /// <summary>timestamptz takes UTC only (EF's mapping converts; here it is done by hand).</summary>
    private static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    private static NpgsqlParameter<T> Value<T>(string name, T value) => new(name, value);

    private static NpgsqlParameter Value(string name, object? value, NpgsqlDbType type) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
