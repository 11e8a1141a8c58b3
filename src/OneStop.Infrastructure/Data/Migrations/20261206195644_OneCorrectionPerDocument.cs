using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneCorrectionPerDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issued_documents_replaces_id",
                table: "issued_documents");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_replaces_id",
                table: "issued_documents",
                column: "replaces_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issued_documents_replaces_id",
                table: "issued_documents");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_replaces_id",
                table: "issued_documents",
                column: "replaces_id");
        }
    }
}
