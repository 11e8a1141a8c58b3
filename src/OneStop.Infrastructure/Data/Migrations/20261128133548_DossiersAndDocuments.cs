using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DossiersAndDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_code_counters",
                columns: table => new
                {
                    agency_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_code_counters", x => new { x.agency_code, x.day });
                });

            migrationBuilder.CreateTable(
                name: "fields",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fields", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    field_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    level = table.Column<int>(type: "integer", nullable: false),
                    fee = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    processing_days = table.Column<int>(type: "integer", nullable: false),
                    workflow_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    required_documents = table.Column<string>(type: "jsonb", nullable: false),
                    form_schema = table.Column<string>(type: "jsonb", nullable: false),
                    result_template = table.Column<string>(type: "jsonb", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedures", x => x.id);
                    table.ForeignKey(
                        name: "fk_procedures_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_procedures_fields_field_id",
                        column: x => x.field_id,
                        principalTable: "fields",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    legacy_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    applicant_id_number = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    applicant_phone = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    applicant_phone_as_typed = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    applicant_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    applicant_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    applicant_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    form_data = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    workflow_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossiers", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossiers_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dossiers_procedures_procedure_id",
                        column: x => x.procedure_id,
                        principalTable: "procedures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dossiers_users_applicant_user_id",
                        column: x => x.applicant_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "issued_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    verification_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    page_count = table.Column<int>(type: "integer", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "text", nullable: true),
                    source_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issued_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_issued_documents_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_documents_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_documents_issued_documents_replaces_id",
                        column: x => x.replaces_id,
                        principalTable: "issued_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_agency_id_status_submitted_at",
                table: "dossiers",
                columns: new[] { "agency_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_applicant_user_id_created_at",
                table: "dossiers",
                columns: new[] { "applicant_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_code",
                table: "dossiers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_legacy_code",
                table: "dossiers",
                column: "legacy_code");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_procedure_id",
                table: "dossiers",
                column: "procedure_id");

            migrationBuilder.CreateIndex(
                name: "ix_fields_code",
                table: "fields",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_agency_id",
                table: "issued_documents",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_dossier_id_issued_at",
                table: "issued_documents",
                columns: new[] { "dossier_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_replaces_id",
                table: "issued_documents",
                column: "replaces_id");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_sha256",
                table: "issued_documents",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_source_key",
                table: "issued_documents",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_verification_code",
                table: "issued_documents",
                column: "verification_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procedures_agency_id",
                table: "procedures",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_procedures_code",
                table: "procedures",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procedures_field_id",
                table: "procedures",
                column: "field_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_code_counters");

            migrationBuilder.DropTable(
                name: "issued_documents");

            migrationBuilder.DropTable(
                name: "dossiers");

            migrationBuilder.DropTable(
                name: "procedures");

            migrationBuilder.DropTable(
                name: "fields");
        }
    }
}
