using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddDossierLookupKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The function first: adding the column draws a key for every existing dossier (a volatile default, row by row).
            migrationBuilder.Sql(Sql.LookupKeySql.Up);
            migrationBuilder.AddColumn<string>(
                name: "lookup_key",
                table: "dossiers",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValueSql: "public.onestop_lookup_key()");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lookup_key",
                table: "dossiers");
            migrationBuilder.Sql(Sql.LookupKeySql.Down);
        }
    }
}
