using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddDigitalSigning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "position",
                table: "users",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "signing_credentials",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    protected_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    signer_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    organization = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    issuer_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    serial_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    thumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    not_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signing_credentials", x => x.id);
                    table.CheckConstraint("ck_signing_credentials_owner", "(owner = 0 AND user_id IS NOT NULL AND agency_id IS NULL) OR (owner = 1 AND agency_id IS NOT NULL AND user_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_signing_credentials_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_signing_credentials_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "signing_trust_anchors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    certificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    thumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    not_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signing_trust_anchors", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signing_credentials_agency_id",
                table: "signing_credentials",
                column: "agency_id",
                unique: true,
                filter: "revoked_at IS NULL AND agency_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_signing_credentials_user_id",
                table: "signing_credentials",
                column: "user_id",
                unique: true,
                filter: "revoked_at IS NULL AND user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_signing_trust_anchors_thumbprint",
                table: "signing_trust_anchors",
                column: "thumbprint",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signing_credentials");

            migrationBuilder.DropTable(
                name: "signing_trust_anchors");

            migrationBuilder.DropColumn(
                name: "position",
                table: "users");
        }
    }
}
