using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Legacy;

/// <summary>
/// Set-based merges of the dossier tables, run per batch of staging lines (@from, @to]. A dossier keeps its legacy code as
/// its code; an open one gets a workflow instance at its mapped step (with the legacy due date) whose task puts it in the
/// inbox of that step's department; its history becomes timeline rows and its attachments point at the file store.
/// </summary>
internal static class LegacyDossierSql
{
    private const string Batch = "s.line > @from AND s.line <= @to";

    private const string EmptyObject = "'{}'::jsonb";

    private const string EmptyArray = "'{}'::text[]";

    /// <summary>
    /// The batch's rows whose map entry is missing or differs. The map is probed per row through a LATERAL … LIMIT 1 (a parameterised
    /// primary-key lookup whatever the statistics say): joined plainly, a stale estimate of one map row per table made the planner
    /// materialise every ho_so entry and compare each staged row with all of them — quadratic in the rows already imported, the
    /// cause of the 730 dossiers/s of the first 1,000,000-dossier run.
    /// </summary>
    private static string Changed(string table, string key) =>
        $"LEFT JOIN LATERAL (SELECT x.row_hash FROM legacy.record_map x WHERE x.source_id = @source_id AND x.tbl = '{table}' AND x.legacy_key = {key} LIMIT 1) m ON true " +
        $"WHERE m.row_hash IS DISTINCT FROM s.h AND {Batch}";

    private static readonly string ChangedDossier = Changed("ho_so", "s.code");

    private static readonly string DossierId = LegacySql.Uid("ho_so", "s.code");
    private static readonly string InstanceId = LegacySql.Uid("wf", "s.code");
    private static readonly string TaskId = LegacySql.Uid("task", "s.code");

    /// <summary>
    /// The timers the engine would have scheduled on entering the step (SlaClock): the procedure deadline and the task's escalation at
    /// the legacy due date, and the reminder computed from the step's reminderBefore (stg_dossiers.reminder_at); none while the
    /// clock is paused in a supplement step or without a due date. Ids are derived from the dossier code, so a repeated write is a no-op.
    /// </summary>
    private static readonly string Timers = $"""
        CASE WHEN r.step_kind = 'supplement' OR s.due_at IS NULL THEN '[]'::jsonb ELSE
            jsonb_build_array(
                {Timer("timer-total", TimerKind.TotalDeadline, "NULL")},
                {Timer("timer-escalation", TimerKind.Escalation, TaskId)})
            || CASE WHEN s.reminder_at IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
                {Timer("timer-reminder", TimerKind.Reminder, TaskId, "s.reminder_at")}) END
        END
        """;

    private static string Timer(string key, TimerKind kind, string taskId, string dueAt = "s.due_at") =>
        WorkflowStateSql.Object<WorkflowTimer>(new Dictionary<string, string>
        {
            ["id"] = LegacySql.Uid(key, "s.code"), ["kind"] = WorkflowStateSql.Text(kind), ["dueAt"] = dueAt, ["taskId"] = taskId,
        });

    private static readonly string Waiting = WorkflowStateSql.Text(InstanceStatus.WaitingForApplicant);

    private static readonly string Running = WorkflowStateSql.Text(InstanceStatus.Running);

    /// <summary>The engine state of an open migrated dossier: one task at its step, its timers, one journal entry.</summary>
    private static readonly string State = WorkflowStateSql.Object<WorkflowInstance>(new Dictionary<string, string>
    {
        ["id"] = InstanceId, ["dossierCode"] = "s.code", ["definitionId"] = "r.workflow_id", ["definitionVersion"] = "r.workflow_version",
        ["receivingAgency"] = "w.receiving", ["applicantId"] = "NULL", ["version"] = "1",
        ["status"] = $"CASE WHEN r.step_kind = 'supplement' THEN {Waiting} ELSE {Running} END",
        ["outcome"] = "NULL", ["endStepId"] = "NULL", ["startedAt"] = "s.submitted_at", ["endedAt"] = "NULL", ["totalDueAt"] = "w.total_due",
        ["clockPausedAt"] = "CASE WHEN r.step_kind = 'supplement' THEN @exported END", ["remainingWorkingTime"] = "s.remaining", ["isOverdue"] = "false",
        ["openTasks"] = "jsonb_build_array(" + WorkflowStateSql.Object<WorkflowTask>(new Dictionary<string, string>
        {
            ["id"] = TaskId, ["stepId"] = "r.step_id", ["role"] = "r.role", ["department"] = "r.department", ["agency"] = "coalesce(r.agency, w.receiving)",
            ["assignedTo"] = "NULL", ["createdAt"] = "@exported", ["dueAt"] = "s.due_at", ["isOverdue"] = "false", ["split"] = "NULL", ["branch"] = "NULL",
        }) + ")",
        ["timers"] = Timers,
        ["journal"] = "jsonb_build_array(" + WorkflowStateSql.Object<JournalEntry>(new Dictionary<string, string>
        {
            ["sequence"] = "1", ["at"] = "@exported", ["kind"] = WorkflowStateSql.Text(JournalKind.StepEntered), ["actorId"] = "NULL",
            ["actorRole"] = "'System'", ["actorAddress"] = "NULL", ["taskId"] = "NULL", ["fromStep"] = "NULL", ["toStep"] = "r.step_id",
            ["actionId"] = "NULL", ["actionLabel"] = "NULL", ["comment"] = "'Chuyển từ hệ thống một cửa cũ, mã hồ sơ ' || s.code",
            ["department"] = "NULL", ["files"] = "NULL", ["documents"] = "NULL",
        }) + ")",
        ["fields"] = EmptyObject, ["joinArrivals"] = EmptyObject, ["routedDepartments"] = EmptyObject,
    }, stripNulls: true);

    /// <summary>The dossier's route (workflow step) when it is open and its procedure has a workflow.</summary>
    private const string Route = "LEFT JOIN legacy.stg_routes r ON r.procedure_code = s.procedure_code AND r.status = s.status";

    private const string Status = """
        CASE s.status WHEN 5 THEN 'Completed' WHEN 6 THEN 'Rejected' WHEN 7 THEN 'Withdrawn' WHEN 3 THEN 'WaitingForSupplement'
                      WHEN 4 THEN 'ResultReady' ELSE 'InProgress' END
        """;

    /// <summary>Where the open dossier is received now: its agency, or the successor of a closed one.</summary>
    private const string Receiving = """
        JOIN dossiers dd ON dd.id = {0}
        JOIN agencies ra ON ra.id = dd.agency_id
        LEFT JOIN agencies rs ON rs.id = ra.successor_id AND ra.closed_on IS NOT NULL
        """;

    /// <summary>
    /// The tables a dossier batch grows and later batches join (their statistics are refreshed after each batch); the dossiers
    /// themselves are only probed by primary key. History and attachment batches join nothing that grows but through a key.
    /// </summary>
    public static readonly string[] DossierTables = ["workflow_instances", "legacy.record_map"];

    public static readonly string[] HistoryTables = [];

    public static readonly string[] AttachmentTables = [];

    /// <summary>
    /// The dossiers themselves. The batch's procedures and agencies are looked up in the map's few entries for those tables, read
    /// once (MATERIALIZED) and hashed: joined to the map directly, the planner estimated a handful of staged rows per procedure
    /// (the map's key is unique over two million entries) and probed the map and the routes row by row — a third of the statement.
    /// </summary>
    public static readonly string[] Dossiers =
    [
        $"""
        WITH procedure_map AS MATERIALIZED (
            SELECT m.legacy_key, m.target_id, p.agency_id FROM legacy.record_map m JOIN procedures p ON p.id = m.target_id
            WHERE m.source_id = @source_id AND m.tbl = 'thu_tuc'),
        agency_map AS MATERIALIZED (
            SELECT m.legacy_key, m.target_id FROM legacy.record_map m WHERE m.source_id = @source_id AND m.tbl = 'don_vi')
        INSERT INTO dossiers (id, code, legacy_code, procedure_id, agency_id, applicant_full_name, applicant_id_number, applicant_phone,
            applicant_phone_as_typed, applicant_email, applicant_address, applicant_user_id, channel, form_data, status, created_at, submitted_at,
            received_at, due_at, completed_at, workflow_instance_id, result_returned_at)
        SELECT {DossierId}, s.code, s.code, pm.target_id,
               coalesce(am.target_id, pm.agency_id, (SELECT id FROM agencies WHERE parent_id IS NULL ORDER BY code LIMIT 1)),
               left(s.applicant_name, 200), left(s.id_number, 12), left(s.phone, 10), left(s.phone_typed, 50), left(s.email, 256),
               left(s.address, 500), NULL, s.channel, s.form_data, {Status}, s.submitted_at, s.submitted_at, s.submitted_at, s.due_at,
               CASE WHEN s.status IN (5, 6, 7) THEN coalesce(s.returned_at, s.completed_at, s.due_at, s.submitted_at) END,
               CASE WHEN r.workflow_id IS NOT NULL THEN {InstanceId} END,
               CASE WHEN s.status = 5 THEN s.returned_at END
        FROM legacy.stg_dossiers s
        JOIN procedure_map pm ON pm.legacy_key = s.procedure_code
        LEFT JOIN agency_map am ON am.legacy_key = s.agency_code
        {Route}
        {ChangedDossier}
        ON CONFLICT (id) DO UPDATE SET procedure_id = excluded.procedure_id, agency_id = excluded.agency_id,
            applicant_full_name = excluded.applicant_full_name, applicant_id_number = excluded.applicant_id_number,
            applicant_phone = excluded.applicant_phone, applicant_phone_as_typed = excluded.applicant_phone_as_typed,
            applicant_email = excluded.applicant_email, applicant_address = excluded.applicant_address, channel = excluded.channel,
            form_data = excluded.form_data, status = excluded.status, created_at = excluded.created_at, submitted_at = excluded.submitted_at,
            received_at = excluded.received_at, due_at = excluded.due_at, completed_at = excluded.completed_at,
            workflow_instance_id = coalesce(dossiers.workflow_instance_id, excluded.workflow_instance_id),
            result_returned_at = excluded.result_returned_at
        """,
        $"""
        INSERT INTO workflow_instances (id, dossier_code, definition_id, definition_version, status, version, receiving_agency, started_at,
            ended_at, total_due_at, is_overdue, outcome, state)
        SELECT {InstanceId}, s.code, r.workflow_id, r.workflow_version, w.status, 1, w.receiving, s.submitted_at, NULL, w.total_due, false, NULL,
            {State}
        FROM legacy.stg_dossiers s
        JOIN legacy.stg_routes r ON r.procedure_code = s.procedure_code AND r.status = s.status
        {string.Format(System.Globalization.CultureInfo.InvariantCulture, Receiving, DossierId)}
        CROSS JOIN LATERAL (SELECT coalesce(rs.code, ra.code) AS receiving,
                                   CASE WHEN r.step_kind = 'supplement' THEN '{nameof(InstanceStatus.WaitingForApplicant)}' ELSE '{nameof(InstanceStatus.Running)}' END AS status,
                                   CASE WHEN r.step_kind = 'supplement' THEN NULL ELSE s.due_at END AS total_due) w
        {ChangedDossier}
        ON CONFLICT (dossier_code) DO NOTHING
        """,
        $"""
        INSERT INTO workflow_tasks (id, instance_id, dossier_code, step_id, role, agency, department, assigned_to, created_at, due_at, is_overdue)
        SELECT {TaskId}, i.id, s.code, r.step_id, r.role, coalesce(r.agency, i.receiving_agency), r.department, NULL, @exported, s.due_at, false
        FROM legacy.stg_dossiers s
        JOIN legacy.stg_routes r ON r.procedure_code = s.procedure_code AND r.status = s.status
        JOIN workflow_instances i ON i.id = {InstanceId} AND i.version = 1
        {ChangedDossier}
        ON CONFLICT (id) DO NOTHING
        """,
        $"""
        INSERT INTO workflow_timers (id, instance_id, kind, due_at, task_id)
        SELECT (t ->> 'id')::uuid, i.id, upper(left(t ->> 'kind', 1)) || substr(t ->> 'kind', 2), (t ->> 'dueAt')::timestamptz, (t ->> 'taskId')::uuid
        FROM legacy.stg_dossiers s
        JOIN workflow_instances i ON i.id = {InstanceId} AND i.version = 1
        CROSS JOIN LATERAL jsonb_array_elements(i.state -> 'timers') t
        {ChangedDossier}
        ON CONFLICT (id) DO NOTHING
        """,
        $"""
        INSERT INTO workflow_journal (instance_id, sequence, dossier_code, at, kind, actor_id, actor_role, task_id, from_step, to_step,
            action_id, action_label, comment, files, documents)
        SELECT i.id, 1, s.code, @exported, '{nameof(JournalKind.StepEntered)}', NULL, 'System', NULL, NULL, r.step_id, NULL, NULL,
               'Chuyển từ hệ thống một cửa cũ, mã hồ sơ ' || s.code, {EmptyArray}, {EmptyArray}
        FROM legacy.stg_dossiers s
        JOIN legacy.stg_routes r ON r.procedure_code = s.procedure_code AND r.status = s.status
        JOIN workflow_instances i ON i.id = {InstanceId} AND i.version = 1
        {ChangedDossier}
        ON CONFLICT DO NOTHING
        """,
        $"""
        INSERT INTO legacy.record_map (source_id, tbl, legacy_key, target_id, row_hash, run_id)
        SELECT @source_id, 'ho_so', s.code, {DossierId}, s.h, @run FROM legacy.stg_dossiers s {ChangedDossier}
        ON CONFLICT (source_id, tbl, legacy_key) DO UPDATE SET target_id = excluded.target_id, row_hash = excluded.row_hash, run_id = excluded.run_id
        """,
    ];

    /// <summary>
    /// The history rows, keyed by their dossier and sequence and written in that order (consecutive rows land on the same index
    /// page). DISTINCT ON keeps the last line per key should two staged lines share one after all.
    /// </summary>
    public static readonly string[] History =
    [
        $"""
        INSERT INTO legacy.dossier_history (dossier_id, sequence, at, user_name, official_id, agency_code, action, content, row_hash, run_id)
        SELECT DISTINCT ON (1, 2) {DossierId}, s.seq, s.at, left(s.user_name, 100), om.target_id, left(s.agency_code, 32), left(s.action, 100),
               s.content, s.h, @run
        FROM legacy.stg_history s
        LEFT JOIN legacy.record_map om ON om.source_id = @source_id AND om.tbl = 'can_bo' AND om.legacy_key = s.user_name
        WHERE {Batch}
        ORDER BY 1, 2, s.line DESC
        ON CONFLICT (dossier_id, sequence) DO UPDATE SET at = excluded.at, user_name = excluded.user_name, official_id = excluded.official_id,
            agency_code = excluded.agency_code, action = excluded.action, content = excluded.content, row_hash = excluded.row_hash,
            run_id = excluded.run_id
        WHERE dossier_history.row_hash <> excluded.row_hash
        """,
    ];

    public static readonly string CountUnchangedHistory = $"""
        SELECT count(*) FROM legacy.stg_history s
        JOIN legacy.dossier_history h ON h.dossier_id = {DossierId} AND h.sequence = s.seq
        WHERE h.run_id <> @run AND h.row_hash = s.h
        """;

    private const string AttachmentKey = "s.code || '|' || s.file_key";

    /// <summary>
    /// The attachments and their map entries in one statement: the batch's changed rows (the last line per key) are found once — one
    /// map probe and one sort per row instead of one in each of two statements — and feed both inserts. An attachment is written when
    /// its dossier is there (the analyzer only stages children of imported dossiers); its map entry is written either way. The
    /// dossier is probed per row by its key (LATERAL … LIMIT 1): joined plainly, the planner hashed all million dossiers for each
    /// batch of 50,000 attachments (0.54 s of a 3 s batch).
    /// </summary>
    public static readonly string[] Attachments =
    [
        $"""
        WITH changed AS MATERIALIZED (
            SELECT DISTINCT ON (1) {LegacySql.Uid("tep_dinh_kem", AttachmentKey)} AS id, {AttachmentKey} AS legacy_key, {DossierId} AS dossier_id,
                   s.document_name, s.file_name, s.content_type, s.size, s.sha256, s.uploaded_at, s.missing, s.h
            FROM legacy.stg_attachments s
            {Changed("tep_dinh_kem", AttachmentKey)}
            ORDER BY 1, s.line DESC),
        attached AS (
            INSERT INTO dossier_attachments (id, dossier_id, document_code, file_name, content_type, size, sha256, uploaded_at, uploaded_by, is_missing)
            SELECT c.id, d.id, left(coalesce(c.document_name, 'KHAC'), 64), left(c.file_name, 255), left(c.content_type, 100), c.size, c.sha256,
                   coalesce(c.uploaded_at, d.submitted_at, d.created_at), NULL, c.missing
            FROM changed c
            CROSS JOIN LATERAL (SELECT d.id, d.submitted_at, d.created_at FROM dossiers d WHERE d.id = c.dossier_id LIMIT 1) d
            ON CONFLICT (id) DO UPDATE SET document_code = excluded.document_code, file_name = excluded.file_name, content_type = excluded.content_type,
                size = excluded.size, sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at, is_missing = excluded.is_missing)
        INSERT INTO legacy.record_map (source_id, tbl, legacy_key, target_id, row_hash, run_id)
        SELECT @source_id, 'tep_dinh_kem', c.legacy_key, c.id, c.h, @run FROM changed c
        ON CONFLICT (source_id, tbl, legacy_key) DO UPDATE SET target_id = excluded.target_id, row_hash = excluded.row_hash, run_id = excluded.run_id
        """,
    ];
}
