using System.Text.RegularExpressions;
using Npgsql;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// The workflow store's statements. A save is one statement: the instance row (inserted, or updated on its expected version) in a
/// CTE that every projection reads, so a stale version writes nothing at all; tasks and timers are diffed by id (rows no longer in
/// the state deleted, new ones inserted, changed ones updated), journal entries appended once (their key), the outbox and the audit
/// lines of new journal entries inserted — all from arrays, whatever the number of rows.
/// </summary>
internal static partial class WorkflowStoreSql
{
    public const string Load = "SELECT state FROM workflow_instances WHERE id = $1";

    public const string FindByDossierCode = "SELECT state FROM workflow_instances WHERE dossier_code = $1";

    public static PositionalStatement Insert { get; } = new(InsertNamed);

    public static PositionalStatement Update { get; } = new(UpdateNamed);

    private const string InsertNamed = """
        WITH instance AS (
            INSERT INTO workflow_instances (id, dossier_code, definition_id, definition_version, status, version, receiving_agency,
                started_at, ended_at, total_due_at, is_overdue, outcome, state)
            VALUES (@id, @dossier_code, @definition_id, @definition_version, @status, @version, @receiving_agency,
                @started_at, @ended_at, @total_due_at, @is_overdue, @outcome, @state)
            RETURNING id)
        """ + Projections;

    private const string UpdateNamed = """
        WITH instance AS (
            UPDATE workflow_instances SET state = @state, version = @version, status = @status, outcome = @outcome,
                definition_id = @definition_id, definition_version = @definition_version, ended_at = @ended_at,
                total_due_at = @total_due_at, is_overdue = @is_overdue
             WHERE id = @id AND version = @expected_version
            RETURNING id)
        """ + Projections;

    private const string Projections = """
        ,
        gone_tasks AS (
            DELETE FROM workflow_tasks t USING instance i WHERE t.instance_id = i.id AND NOT (t.id = ANY(@task_id))),
        tasks AS (
            INSERT INTO workflow_tasks AS t (id, instance_id, dossier_code, step_id, role, agency, department, assigned_to, created_at,
                due_at, is_overdue)
            SELECT x.id, i.id, @dossier_code, x.step_id, x.role, x.agency, x.department, x.assigned_to, x.created_at, x.due_at, x.is_overdue
              FROM instance i, unnest(@task_id, @task_step_id, @task_role, @task_agency, @task_department, @task_assigned_to,
                   @task_created_at, @task_due_at, @task_is_overdue)
                   AS x(id, step_id, role, agency, department, assigned_to, created_at, due_at, is_overdue)
            ON CONFLICT (id) DO UPDATE SET step_id = excluded.step_id, role = excluded.role, agency = excluded.agency,
                department = excluded.department, assigned_to = excluded.assigned_to, created_at = excluded.created_at,
                due_at = excluded.due_at, is_overdue = excluded.is_overdue
             WHERE (t.step_id, t.role, t.agency, t.department, t.assigned_to, t.created_at, t.due_at, t.is_overdue)
                   IS DISTINCT FROM (excluded.step_id, excluded.role, excluded.agency, excluded.department, excluded.assigned_to,
                   excluded.created_at, excluded.due_at, excluded.is_overdue)),
        gone_timers AS (
            DELETE FROM workflow_timers t USING instance i WHERE t.instance_id = i.id AND NOT (t.id = ANY(@timer_id))),
        timers AS (
            INSERT INTO workflow_timers AS t (id, instance_id, kind, due_at, task_id)
            SELECT x.id, i.id, x.kind, x.due_at, x.task_id
              FROM instance i, unnest(@timer_id, @timer_kind, @timer_due_at, @timer_task_id) AS x(id, kind, due_at, task_id)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, due_at = excluded.due_at, task_id = excluded.task_id
             WHERE (t.kind, t.due_at, t.task_id) IS DISTINCT FROM (excluded.kind, excluded.due_at, excluded.task_id)),
        journal AS (
            INSERT INTO workflow_journal (instance_id, sequence, dossier_code, at, kind, actor_id, actor_role, actor_address, task_id,
                from_step, to_step, action_id, action_label, comment, files, documents)
            SELECT i.id, x.sequence, @dossier_code, x.at, x.kind, x.actor_id, x.actor_role, x.actor_address, x.task_id, x.from_step,
                   x.to_step, x.action_id, x.action_label, x.comment,
                   ARRAY(SELECT jsonb_array_elements_text(x.files::jsonb)), ARRAY(SELECT jsonb_array_elements_text(x.documents::jsonb))
              FROM instance i, unnest(@journal_sequence, @journal_at, @journal_kind, @journal_actor_id, @journal_actor_role,
                   @journal_actor_address, @journal_task_id, @journal_from_step, @journal_to_step, @journal_action_id,
                   @journal_action_label, @journal_comment, @journal_files, @journal_documents)
                   AS x(sequence, at, kind, actor_id, actor_role, actor_address, task_id, from_step, to_step, action_id, action_label,
                   comment, files, documents)
             ORDER BY x.sequence
            ON CONFLICT (instance_id, sequence) DO NOTHING
            RETURNING sequence),
        audit AS (
            INSERT INTO audit_log (at, user_id, user_name, action, entity_type, entity_id, dossier_id, before, after, ip)
            SELECT @audit_at, x.user_id, x.user_name, x.action, 'Dossier', @dossier_code, @dossier_code, x.before::jsonb,
                   x.after::jsonb, x.ip
              FROM journal j
              JOIN unnest(@audit_sequence, @audit_user_id, @audit_user_name, @audit_action, @audit_before, @audit_after, @audit_ip)
                   AS x(sequence, user_id, user_name, action, before, after, ip) ON x.sequence = j.sequence
             ORDER BY x.sequence),
        outbox AS (
            INSERT INTO workflow_outbox (instance_id, dossier_code, kind, payload, created_at, available_at, attempts)
            SELECT x.instance_id, x.dossier_code, x.kind, x.payload::jsonb, @now, @now, 0
              FROM instance i, unnest(@outbox_instance_id, @outbox_dossier_code, @outbox_kind, @outbox_payload) WITH ORDINALITY
                   AS x(instance_id, dossier_code, kind, payload, n)
             ORDER BY x.n)
        SELECT count(*) FROM instance
        """;

    [GeneratedRegex("@([a-z_][a-z0-9_]*)")]
    private static partial Regex ParameterName();

    /// <summary>
    /// A statement written with named parameters (<c>@name</c>) and sent with positional ones (<c>$n</c>): Npgsql then sends its text as
    /// it is, where named parameters make it parse the whole statement on every execution to rewrite them (1.6 % of the machine in a
    /// two-worker transitions run). The parameters are made with their names and put in their positions by <see cref="Apply"/>.
    /// </summary>
    internal sealed class PositionalStatement
    {
        private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

        public PositionalStatement(string named)
        {
            var names = new List<string>();
            Text = ParameterName().Replace(named, match =>
            {
                if (!_positions.TryGetValue(match.Groups[1].Value, out var index))
                {
                    index = names.Count;
                    names.Add(match.Groups[1].Value);
                    _positions.Add(match.Groups[1].Value, index);
                }

                return "$" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            });
            Names = names;
        }

        public string Text { get; }

        /// <summary>The parameters' names, in the order of their positions.</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>Adds the named parameters to <paramref name="target"/> in their positions, unnamed; each name the statement uses exactly once.</summary>
        public void Apply(IReadOnlyList<NpgsqlParameter> named, NpgsqlParameterCollection target)
        {
            var ordered = new NpgsqlParameter?[Names.Count];
            foreach (var parameter in named)
            {
                if (!_positions.TryGetValue(parameter.ParameterName, out var index) || ordered[index] is not null)
                {
                    throw Mismatch(named);
                }

                ordered[index] = parameter;
            }

            if (Array.IndexOf(ordered, null) >= 0)
            {
                throw Mismatch(named);
            }

            foreach (var parameter in ordered)
            {
                parameter!.ParameterName = string.Empty;
                target.Add(parameter);
            }
        }

        private InvalidOperationException Mismatch(IReadOnlyList<NpgsqlParameter> named) => new(
            $"The statement takes {string.Join(", ", Names)}; the command has {string.Join(", ", named.Select(p => p.ParameterName))}.");
    }
}
