namespace OneStop.Infrastructure.Data.Sql;

/// <summary>
/// The inbox's copy of each task's dossier facts (WorkflowTaskRecord): filled when a task is inserted, refreshed when its dossier
/// is inserted or updated — by any writer (the engine, the legacy importer's set-based SQL, an UPDATE by hand), in the writer's
/// transaction. The dossier triggers are per statement over the changed rows, so a bulk import pays one join per statement, not
/// one look-up per row; they only touch tasks whose copy differs.
/// </summary>
internal static class InboxProjectionSql
{
    /// <summary>The baseline's functions and triggers (the tasks' dossier column was then called dossier_id).</summary>
    public static readonly string Up = Functions("dossier_id") + """
        CREATE TRIGGER tr_workflow_tasks_dossier_facts BEFORE INSERT OR UPDATE OF dossier_id ON public.workflow_tasks
            FOR EACH ROW EXECUTE FUNCTION public.f_workflow_task_dossier_facts();
        CREATE TRIGGER tr_dossiers_inserted_to_workflow_tasks AFTER INSERT ON public.dossiers
            REFERENCING NEW TABLE AS changed_dossiers FOR EACH STATEMENT EXECUTE FUNCTION public.f_dossiers_to_workflow_tasks();
        CREATE TRIGGER tr_dossiers_updated_to_workflow_tasks AFTER UPDATE ON public.dossiers
            REFERENCING NEW TABLE AS changed_dossiers FOR EACH STATEMENT EXECUTE FUNCTION public.f_dossiers_to_workflow_tasks();

        """;

    /// <summary>The two trigger functions, for the name the tasks' dossier-code column has at that point of the migrations.</summary>
    public static string Functions(string taskDossierColumn) => $$$"""
        CREATE OR REPLACE FUNCTION public.f_workflow_task_dossier_facts() RETURNS trigger
            LANGUAGE plpgsql AS $$
        BEGIN
            SELECT d.procedure_id, d.submitted_at, d.channel, d.status,
                   public.f_search_text(coalesce(d.code, '') || ' ' || coalesce(d.applicant_full_name, ''))
              INTO NEW.procedure_id, NEW.submitted_at, NEW.channel, NEW.dossier_status, NEW.search_text
              FROM public.dossiers d
             WHERE d.code = NEW.{{{taskDossierColumn}}};
            RETURN NEW;
        END $$;

        CREATE OR REPLACE FUNCTION public.f_dossiers_to_workflow_tasks() RETURNS trigger
            LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE public.workflow_tasks t
               SET procedure_id = d.procedure_id, submitted_at = d.submitted_at, channel = d.channel, dossier_status = d.status,
                   search_text = d.search_text
              FROM (SELECT c.code, c.procedure_id, c.submitted_at, c.channel, c.status,
                           public.f_search_text(coalesce(c.code, '') || ' ' || coalesce(c.applicant_full_name, '')) AS search_text
                      FROM changed_dossiers c WHERE c.code IS NOT NULL) d
             WHERE t.{{{taskDossierColumn}}} = d.code
               AND (t.procedure_id, t.submitted_at, t.channel, t.dossier_status, t.search_text)
                   IS DISTINCT FROM (d.procedure_id, d.submitted_at, d.channel, d.status, d.search_text);
            RETURN NULL;
        END $$;

        """;

    /// <summary>
    /// The inbox reads its two indexes only (index-only scans), which holds while the visibility map is current: vacuum this small,
    /// busy table (every action replaces its tasks) after ~1% of it changed rather than the default 20%. The planner would take a
    /// department's role for a twentieth of the tasks (it multiplies the three columns' frequencies) and prefer reading the table:
    /// statistics of the combination keep its estimates right.
    /// </summary>
    public const string Statistics = """
        CREATE STATISTICS IF NOT EXISTS public.st_workflow_tasks_place (mcv) ON agency, department, role, (assigned_to IS NULL)
            FROM public.workflow_tasks;
        ALTER TABLE public.workflow_tasks SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 200,
            autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 200, autovacuum_analyze_scale_factor = 0.05);

        """;

    public const string Down = """
        ALTER TABLE public.workflow_tasks RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
            autovacuum_vacuum_insert_scale_factor, autovacuum_vacuum_insert_threshold, autovacuum_analyze_scale_factor);
        DROP STATISTICS IF EXISTS public.st_workflow_tasks_place;
        DROP TRIGGER IF EXISTS tr_dossiers_updated_to_workflow_tasks ON public.dossiers;
        DROP TRIGGER IF EXISTS tr_dossiers_inserted_to_workflow_tasks ON public.dossiers;
        DROP TRIGGER IF EXISTS tr_workflow_tasks_dossier_facts ON public.workflow_tasks;
        DROP FUNCTION IF EXISTS public.f_dossiers_to_workflow_tasks();
        DROP FUNCTION IF EXISTS public.f_workflow_task_dossier_facts();

        """;
}
