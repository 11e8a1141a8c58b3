using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartialIndexesOnSparseDossierColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossiers_applicant_user_id_created_at",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_legacy_code",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_procedure_version_id",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_result_returned_by",
                table: "dossiers");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_applicant_user_id_created_at",
                table: "dossiers",
                columns: new[] { "applicant_user_id", "created_at" },
                filter: "applicant_user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_legacy_code",
                table: "dossiers",
                column: "legacy_code",
                filter: "legacy_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_procedure_version_id",
                table: "dossiers",
                column: "procedure_version_id",
                filter: "procedure_version_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_result_returned_by",
                table: "dossiers",
                column: "result_returned_by",
                filter: "result_returned_by IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossiers_applicant_user_id_created_at",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_legacy_code",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_procedure_version_id",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_result_returned_by",
                table: "dossiers");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_applicant_user_id_created_at",
                table: "dossiers",
                columns: new[] { "applicant_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_legacy_code",
                table: "dossiers",
                column: "legacy_code");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_procedure_version_id",
                table: "dossiers",
                column: "procedure_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_result_returned_by",
                table: "dossiers",
                column: "result_returned_by");
        }
    }
}
