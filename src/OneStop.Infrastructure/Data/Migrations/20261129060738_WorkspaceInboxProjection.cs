using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkspaceInboxProjection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_agency_department_role_due_at",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_assigned_to_due_at",
                table: "workflow_tasks");

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "workflow_tasks",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "dossier_status",
                table: "workflow_tasks",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "procedure_id",
                table: "workflow_tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "workflow_tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "submitted_at",
                table: "workflow_tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_claimable",
                table: "workflow_tasks",
                columns: new[] { "agency", "department", "role", "due_at", "dossier_id" },
                filter: "assigned_to IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "instance_id", "step_id", "procedure_id", "submitted_at", "channel", "dossier_status", "search_text", "assigned_to" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_assigned",
                table: "workflow_tasks",
                columns: new[] { "assigned_to", "due_at", "dossier_id" },
                filter: "assigned_to IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "instance_id", "step_id", "procedure_id", "submitted_at", "channel", "dossier_status", "search_text" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_dossier_id",
                table: "workflow_tasks",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_search_text",
                table: "workflow_tasks",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // The inbox's copy of each task's dossier facts (WorkflowTaskRecord): filled when a task is inserted, refreshed when its
            // dossier is inserted or updated — by any writer (the engine, the legacy importer's set-based SQL, an UPDATE by hand), in
            // the writer's transaction. The dossier triggers are per statement over the changed rows, so a bulk import pays one join
            // per statement, not one look-up per row; they only touch tasks whose copy differs.
            migrationBuilder.Sql(DossierFactsSql);
            migrationBuilder.Sql("""
                UPDATE public.workflow_tasks t
                   SET procedure_id = d.procedure_id, submitted_at = d.submitted_at, channel = d.channel, dossier_status = d.status,
                       search_text = public.f_search_text(coalesce(d.code, '') || ' ' || coalesce(d.applicant_full_name, ''))
                  FROM public.dossiers d
                 WHERE d.code = t.dossier_id;
                """);

            // The inbox reads its two indexes only (index-only scans), which holds while the visibility map is current: vacuum this
            // small, busy table (every action replaces its tasks) after ~1% of it changed rather than the default 20%.
            // The planner would take a department's role for a twentieth of the tasks (it multiplies the three columns' frequencies)
            // and prefer reading the table: statistics of the combination keep its estimates right.
            migrationBuilder.Sql("""
                CREATE STATISTICS IF NOT EXISTS public.st_workflow_tasks_place (mcv) ON agency, department, role, (assigned_to IS NULL)
                    FROM public.workflow_tasks;
                ALTER TABLE public.workflow_tasks SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 200,
                    autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 200, autovacuum_analyze_scale_factor = 0.05);
                """);
        }

        private const string DossierFactsSql = """
            CREATE OR REPLACE FUNCTION public.f_workflow_task_dossier_facts() RETURNS trigger
                LANGUAGE plpgsql AS $$
            BEGIN
                SELECT d.procedure_id, d.submitted_at, d.channel, d.status,
                       public.f_search_text(coalesce(d.code, '') || ' ' || coalesce(d.applicant_full_name, ''))
                  INTO NEW.procedure_id, NEW.submitted_at, NEW.channel, NEW.dossier_status, NEW.search_text
                  FROM public.dossiers d
                 WHERE d.code = NEW.dossier_id;
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
                 WHERE t.dossier_id = d.code
                   AND (t.procedure_id, t.submitted_at, t.channel, t.dossier_status, t.search_text)
                       IS DISTINCT FROM (d.procedure_id, d.submitted_at, d.channel, d.status, d.search_text);
                RETURN NULL;
            END $$;

            CREATE TRIGGER tr_workflow_tasks_dossier_facts BEFORE INSERT OR UPDATE OF dossier_id ON public.workflow_tasks
                FOR EACH ROW EXECUTE FUNCTION public.f_workflow_task_dossier_facts();
            CREATE TRIGGER tr_dossiers_inserted_to_workflow_tasks AFTER INSERT ON public.dossiers
                REFERENCING NEW TABLE AS changed_dossiers FOR EACH STATEMENT EXECUTE FUNCTION public.f_dossiers_to_workflow_tasks();
            CREATE TRIGGER tr_dossiers_updated_to_workflow_tasks AFTER UPDATE ON public.dossiers
                REFERENCING NEW TABLE AS changed_dossiers FOR EACH STATEMENT EXECUTE FUNCTION public.f_dossiers_to_workflow_tasks();
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE public.workflow_tasks RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
                    autovacuum_vacuum_insert_scale_factor, autovacuum_vacuum_insert_threshold, autovacuum_analyze_scale_factor);
                DROP STATISTICS IF EXISTS public.st_workflow_tasks_place;
                DROP TRIGGER IF EXISTS tr_dossiers_updated_to_workflow_tasks ON public.dossiers;
                DROP TRIGGER IF EXISTS tr_dossiers_inserted_to_workflow_tasks ON public.dossiers;
                DROP TRIGGER IF EXISTS tr_workflow_tasks_dossier_facts ON public.workflow_tasks;
                DROP FUNCTION IF EXISTS public.f_dossiers_to_workflow_tasks();
                DROP FUNCTION IF EXISTS public.f_workflow_task_dossier_facts();
                """);

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_claimable",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_assigned",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_dossier_id",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_search_text",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "dossier_status",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "procedure_id",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "submitted_at",
                table: "workflow_tasks");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_agency_department_role_due_at",
                table: "workflow_tasks",
                columns: new[] { "agency", "department", "role", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_assigned_to_due_at",
                table: "workflow_tasks",
                columns: new[] { "assigned_to", "due_at" });
        }
    }
}
