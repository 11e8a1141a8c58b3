using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProcedureVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "current_version",
                table: "procedures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "procedure_version_id",
                table: "dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "procedure_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    field_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    level = table.Column<int>(type: "integer", nullable: false),
                    fee = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    processing_days = table.Column<int>(type: "integer", nullable: false),
                    workflow_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    required_documents = table.Column<string>(type: "jsonb", nullable: false),
                    form_schema = table.Column<string>(type: "jsonb", nullable: false),
                    result_template = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedure_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_procedure_versions_procedures_procedure_id",
                        column: x => x.procedure_id,
                        principalTable: "procedures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_procedure_version_id",
                table: "dossiers",
                column: "procedure_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_procedure_id_effective_from",
                table: "procedure_versions",
                columns: new[] { "procedure_id", "effective_from" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_procedure_id_number",
                table: "procedure_versions",
                columns: new[] { "procedure_id", "number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_dossiers_procedure_versions_procedure_version_id",
                table: "dossiers",
                column: "procedure_version_id",
                principalTable: "procedure_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Every existing procedure's terms become its version 1, and the dossiers already submitted keep it.
            migrationBuilder.Sql("""
                INSERT INTO procedure_versions (id, procedure_id, number, effective_from, created_at, created_by, name, field_id, agency_id,
                                                level, fee, processing_days, workflow_id, required_documents, form_schema, result_template)
                SELECT gen_random_uuid(), p.id, 1, TIMESTAMPTZ '2000-01-01 00:00:00+00', now(), 'system', p.name, p.field_id, p.agency_id,
                       p.level, p.fee, p.processing_days, p.workflow_id, p.required_documents, p.form_schema, p.result_template
                FROM procedures p;
                UPDATE procedures SET current_version = 1;
                UPDATE dossiers d SET procedure_version_id = v.id
                FROM procedure_versions v
                WHERE v.procedure_id = d.procedure_id AND d.submitted_at IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_dossiers_procedure_versions_procedure_version_id",
                table: "dossiers");

            migrationBuilder.DropTable(
                name: "procedure_versions");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_procedure_version_id",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "current_version",
                table: "procedures");

            migrationBuilder.DropColumn(
                name: "procedure_version_id",
                table: "dossiers");
        }
    }
}
