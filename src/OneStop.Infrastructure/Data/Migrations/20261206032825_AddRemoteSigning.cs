using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddRemoteSigning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "kind",
                table: "signing_credentials",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "remote_account",
                table: "signing_credentials",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pending_signatures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    verification_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    page_count = table.Column<int>(type: "integer", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    signer_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credential_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rendered = table.Column<byte[]>(type: "bytea", nullable: false),
                    slots = table.Column<string>(type: "jsonb", nullable: false),
                    prepared = table.Column<string>(type: "text", nullable: false),
                    transaction_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<int>(type: "integer", nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_check_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_signatures", x => x.id);
                    table.ForeignKey(
                        name: "fk_pending_signatures_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pending_signatures_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pending_signatures_signing_credentials_credential_id",
                        column: x => x.credential_id,
                        principalTable: "signing_credentials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_signing_credentials_kind",
                table: "signing_credentials",
                sql: "(kind = 0 AND remote_account IS NULL) OR (kind = 1 AND owner = 0 AND remote_account IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_pending_signatures_agency_id",
                table: "pending_signatures",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_pending_signatures_credential_id",
                table: "pending_signatures",
                column: "credential_id");

            migrationBuilder.CreateIndex(
                name: "ix_pending_signatures_document_id",
                table: "pending_signatures",
                column: "document_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pending_signatures_dossier_id",
                table: "pending_signatures",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_pending_signatures_next_check_at",
                table: "pending_signatures",
                column: "next_check_at",
                filter: "state = 0");

            migrationBuilder.CreateIndex(
                name: "ix_pending_signatures_source_key",
                table: "pending_signatures",
                column: "source_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_signatures");

            migrationBuilder.DropCheckConstraint(
                name: "ck_signing_credentials_kind",
                table: "signing_credentials");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "signing_credentials");

            migrationBuilder.DropColumn(
                name: "remote_account",
                table: "signing_credentials");
        }
    }
}
