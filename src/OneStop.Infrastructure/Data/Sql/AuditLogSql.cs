namespace OneStop.Infrastructure.Data.Sql;

/// <summary>
/// The database's own guard on the audit log: UPDATE, DELETE and TRUNCATE raise an error whoever runs them, so the app's role
/// (which owns the table) cannot rewrite history even with a bug or an injected statement.
/// </summary>
internal static class AuditLogSql
{
    public const string Up = """
        CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
        DROP TRIGGER IF EXISTS audit_log_no_update_delete ON audit_log;
        DROP FUNCTION IF EXISTS audit_log_append_only();
        """;
}
