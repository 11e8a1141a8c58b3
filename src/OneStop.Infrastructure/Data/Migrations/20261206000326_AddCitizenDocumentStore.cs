using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCitizenDocumentStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "certified_at",
                table: "dossier_attachments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "certified_by",
                table: "dossier_attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provenance",
                table: "dossier_attachments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "stored_document_id",
                table: "dossier_attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "citizen_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agency_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citizen_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_citizen_documents_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_citizen_documents_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_citizen_documents_attachment_id",
                table: "citizen_documents",
                column: "attachment_id",
                unique: true,
                filter: "attachment_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_citizen_documents_dossier_id",
                table: "citizen_documents",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_citizen_documents_issued_document_id",
                table: "citizen_documents",
                column: "issued_document_id",
                unique: true,
                filter: "issued_document_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_citizen_documents_owner_id_added_at",
                table: "citizen_documents",
                columns: new[] { "owner_id", "added_at" });

            migrationBuilder.CreateIndex(
                name: "ix_citizen_documents_sha256",
                table: "citizen_documents",
                column: "sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "citizen_documents");

            migrationBuilder.DropColumn(
                name: "certified_at",
                table: "dossier_attachments");

            migrationBuilder.DropColumn(
                name: "certified_by",
                table: "dossier_attachments");

            migrationBuilder.DropColumn(
                name: "provenance",
                table: "dossier_attachments");

            migrationBuilder.DropColumn(
                name: "stored_document_id",
                table: "dossier_attachments");
        }
    }
}
