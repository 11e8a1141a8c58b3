using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RenameWorkflowDossierReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The columns first: the inbox's trigger functions are replaced to read the new name.
            migrationBuilder.RenameColumn(
                name: "dossier_id",
                table: "workflow_tasks",
                newName: "dossier_code");

            migrationBuilder.RenameIndex(
                name: "ix_workflow_tasks_dossier_id",
                table: "workflow_tasks",
                newName: "ix_workflow_tasks_dossier_code");

            migrationBuilder.RenameColumn(
                name: "dossier_id",
                table: "workflow_outbox",
                newName: "dossier_code");

            migrationBuilder.RenameColumn(
                name: "dossier_id",
                table: "workflow_journal",
                newName: "dossier_code");

            migrationBuilder.RenameIndex(
                name: "ix_workflow_journal_dossier_id_sequence",
                table: "workflow_journal",
                newName: "ix_workflow_journal_dossier_code_sequence");

            migrationBuilder.RenameColumn(
                name: "dossier_id",
                table: "workflow_instances",
                newName: "dossier_code");

            migrationBuilder.RenameIndex(
                name: "ix_workflow_instances_dossier_id",
                table: "workflow_instances",
                newName: "ix_workflow_instances_dossier_code");

            migrationBuilder.Sql(Sql.WorkflowDossierCodeSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "dossier_code",
                table: "workflow_tasks",
                newName: "dossier_id");

            migrationBuilder.RenameIndex(
                name: "ix_workflow_tasks_dossier_code",
                table: "workflow_tasks",
                newName: "ix_workflow_tasks_dossier_id");

            migrationBuilder.RenameColumn(
                name: "dossier_code",
                table: "workflow_outbox",
                newName: "dossier_id");

            migrationBuilder.RenameColumn(
                name: "dossier_code",
                table: "workflow_journal",
                newName: "dossier_id");

            migrationBuilder.RenameIndex(
                name: "ix_workflow_journal_dossier_code_sequence",
                table: "workflow_journal",
                newName: "ix_workflow_journal_dossier_id_sequence");

            migrationBuilder.RenameColumn(
                name: "dossier_code",
                table: "workflow_instances",
                newName: "dossier_id");

            migrationBuilder.RenameIndex(
                name: "ix_workflow_instances_dossier_code",
                table: "workflow_instances",
                newName: "ix_workflow_instances_dossier_id");

            migrationBuilder.Sql(Sql.WorkflowDossierCodeSql.Down);
        }
    }
}
