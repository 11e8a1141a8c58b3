namespace OneStop.Infrastructure.Data.Sql;

/// <summary>
/// The workflow engine's reference to its dossier is the dossier's code, and is now called so: the key in each stored instance's
/// state and in each outbox effect's payload becomes dossierCode, and the inbox's trigger functions read the renamed column.
/// </summary>
internal static class WorkflowDossierCodeSql
{
    public static readonly string Up = RenameKey("dossierId", "dossierCode") + InboxProjectionSql.Functions("dossier_code");

    public static readonly string Down = RenameKey("dossierCode", "dossierId") + InboxProjectionSql.Functions("dossier_id");

    private static string RenameKey(string from, string to) => $"""
        UPDATE public.workflow_instances SET state = (state - '{from}') || jsonb_build_object('{to}', state -> '{from}')
         WHERE state ? '{from}';
        UPDATE public.workflow_outbox SET payload = (payload - '{from}') || jsonb_build_object('{to}', payload -> '{from}')
         WHERE payload ? '{from}';

        """;
}
