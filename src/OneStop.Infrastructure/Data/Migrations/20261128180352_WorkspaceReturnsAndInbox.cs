using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkspaceReturnsAndInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "new_due_at",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "result_received_by",
                table: "dossiers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "result_return_method",
                table: "dossiers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "result_returned_at",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "result_returned_by",
                table: "dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_result_returned_by",
                table: "dossiers",
                column: "result_returned_by");

            migrationBuilder.AddForeignKey(
                name: "fk_dossiers_users_result_returned_by",
                table: "dossiers",
                column: "result_returned_by",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_dossiers_users_result_returned_by",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_result_returned_by",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "new_due_at",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "result_received_by",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "result_return_method",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "result_returned_at",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "result_returned_by",
                table: "dossiers");
        }
    }
}
