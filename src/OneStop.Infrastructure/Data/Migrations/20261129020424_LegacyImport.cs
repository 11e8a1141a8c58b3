using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegacyImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "legacy");

            migrationBuilder.CreateTable(
                name: "dossier_history",
                schema: "legacy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    official_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agency_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<string>(type: "text", nullable: true),
                    row_hash = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossier_history_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_runs",
                schema: "legacy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    bundle_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bundle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    source_system = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    report_json = table.Column<string>(type: "jsonb", nullable: true),
                    report_markdown = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "record_map",
                schema: "legacy",
                columns: table => new
                {
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    tbl = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    legacy_key = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_hash = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_map", x => new { x.source, x.tbl, x.legacy_key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_history_dossier_id_sequence",
                schema: "legacy",
                table: "dossier_history",
                columns: new[] { "dossier_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_import_runs_bundle_key_status",
                schema: "legacy",
                table: "import_runs",
                columns: new[] { "bundle_key", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_import_runs_started_at",
                schema: "legacy",
                table: "import_runs",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_history",
                schema: "legacy");

            migrationBuilder.DropTable(
                name: "import_runs",
                schema: "legacy");

            migrationBuilder.DropTable(
                name: "record_map",
                schema: "legacy");
        }
    }
}
