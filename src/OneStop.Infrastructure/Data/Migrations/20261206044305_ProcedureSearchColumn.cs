using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProcedureSearchColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "procedures",
                type: "text",
                nullable: true,
                computedColumnSql: "public.f_search_text(name::text || ' ' || code::text)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_procedures_search_text",
                table: "procedures",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // The expression index the search used before: the stored column's index replaces it.
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_procedures_search;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_procedures_search ON procedures USING gin (public.f_search_text(name || ' ' || code) gin_trgm_ops);");

            migrationBuilder.DropIndex(
                name: "ix_procedures_search_text",
                table: "procedures");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "procedures");
        }
    }
}
