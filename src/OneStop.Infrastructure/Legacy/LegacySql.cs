namespace OneStop.Infrastructure.Legacy;

/// <summary>The legacy schema's staging tables (unlogged: they only live for one run and are refilled on resume).</summary>
internal static class LegacySql
{
    public const string Schema = "legacy";

    /// <summary>
    /// Creates the staging tables if missing (the bookkeeping tables come from the EF migration). The tables merged in batches of
    /// lines are indexed on line, so that a batch reads its lines instead of scanning the whole table once per statement.
    /// </summary>
    public const string CreateStaging = """
        CREATE SCHEMA IF NOT EXISTS legacy;
        CREATE UNLOGGED TABLE IF NOT EXISTS legacy.stg_agencies (
            line bigint, legacy_code text, code text, name text, kind text, parent_code text, successor_code text, closed_on date, h text);
        CREATE UNLOGGED TABLE IF NOT EXISTS legacy.stg_fields (line bigint, code text, name text, h text);
        CREATE UNLOGGED TABLE IF NOT EXISTS legacy.stg_procedures (
            line bigint, legacy_code text, code text, name text, field_code text, agency_code text, working_days int, fee numeric,
            online_level int, placeholder boolean, workflow_id text, h text);
        CREATE UNLOGGED TABLE IF NOT EXISTS legacy.stg_officials (
            line bigint, user_name text, login text, full_name text, agency_code text, position text, role text, email text,
            phone text, active boolean, h text);
        CREATE UNLOGGED TABLE IF NOT EXISTS legacy.stg_dossiers (
            line bigint, code text, procedure_code text, agency_code text, applicant_name text, id_number text, address text,
            phone_typed text, phone text, email text, channel text, submitted_at timestamptz, due_at timestamptz,
            completed_at timestamptz, returned_at timestamptz, status int, form_data jsonb, reminder_at timestamptz, remaining text, h text);
        ALTER TABLE legacy.stg_dossiers ADD COLUMN IF NOT EXISTS reminder_at timestamptz, ADD COLUMN IF NOT EXISTS remaining text;
        CREATE UNLOGGED TABLE IF NOT EXISTS legacy.stg_history (
            line bigint, code text, seq int, at timestamptz, user_name text, agency_code text, action text, content text, h text);
        CREATE UNLOGGED TABLE IF NOT EXISTS legacy.stg_attachments (
            line bigint, code text, file_key text, document_name text, file_name text, content_type text, size bigint, sha256 text,
            uploaded_at timestamptz, missing boolean, h text);
        CREATE UNLOGGED TABLE IF NOT EXISTS legacy.stg_routes (
            procedure_code text, status int, workflow_id text, workflow_version int, step_id text, step_kind text, role text,
            department text, agency text, reminder_before text);
        ALTER TABLE legacy.stg_routes ADD COLUMN IF NOT EXISTS reminder_before text;
        CREATE INDEX IF NOT EXISTS stg_dossiers_line ON legacy.stg_dossiers (line);
        CREATE INDEX IF NOT EXISTS stg_history_line ON legacy.stg_history (line);
        CREATE INDEX IF NOT EXISTS stg_attachments_line ON legacy.stg_attachments (line);
        """;

    /// <summary>A deterministic id: the same legacy record always becomes the same row.</summary>
    public static string Uid(string table, string keyExpression) => $"md5(@source || '|{table}|' || {keyExpression})::uuid";
}
