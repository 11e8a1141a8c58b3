namespace OneStop.Infrastructure.Data.Sql;

/// <summary>The journal is append-only: the database itself refuses to change or remove an entry.</summary>
internal static class WorkflowJournalSql
{
    public const string Up = """
        CREATE FUNCTION workflow_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'workflow_journal is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER workflow_journal_append_only BEFORE UPDATE OR DELETE ON workflow_journal
            FOR EACH ROW EXECUTE FUNCTION workflow_journal_append_only();
        """;

    public const string Down = "DROP TRIGGER IF EXISTS workflow_journal_append_only ON workflow_journal; DROP FUNCTION IF EXISTS workflow_journal_append_only();";
}
