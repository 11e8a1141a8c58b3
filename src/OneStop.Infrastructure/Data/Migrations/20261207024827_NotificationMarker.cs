using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <summary>Notifications keep their event's marker in a column of its own, indexed with the user: the check that the same event
    /// never notifies twice reads one index entry instead of every notification the user ever had.</summary>
    public partial class NotificationMarker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "marker",
                table: "notifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Every notification written so far ends with its marker in brackets ("... [submitted:…]"): the last such group is it.
            migrationBuilder.Sql("""
                UPDATE notifications SET marker = substring(message FROM '^.* \[([^]\[]{1,200})\]$')
                WHERE message LIKE '%]'
                """);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_marker",
                table: "notifications",
                columns: new[] { "user_id", "marker" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_user_id_marker",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "marker",
                table: "notifications");
        }
    }
}
