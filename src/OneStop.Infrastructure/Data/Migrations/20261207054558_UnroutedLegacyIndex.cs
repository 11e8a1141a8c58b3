using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnroutedLegacyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossiers_legacy_code",
                table: "dossiers");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_unrouted_legacy",
                table: "dossiers",
                columns: new[] { "submitted_at", "legacy_code" },
                filter: "legacy_code IS NOT NULL AND workflow_instance_id IS NULL AND status <> 'Completed' AND status <> 'Rejected' AND status <> 'Withdrawn'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossiers_unrouted_legacy",
                table: "dossiers");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_legacy_code",
                table: "dossiers",
                column: "legacy_code",
                filter: "legacy_code IS NOT NULL");
        }
    }
}
