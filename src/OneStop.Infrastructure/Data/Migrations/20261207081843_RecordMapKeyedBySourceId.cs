using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <summary>
    /// legacy.record_map keyed by a number for the exporting system (legacy.sources) instead of its name: every entry keeps its
    /// source, and Down writes the names back.
    /// </summary>
    public partial class RecordMapKeyedBySourceId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sources",
                schema: "legacy",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sources", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sources_name",
                schema: "legacy",
                table: "sources",
                column: "name",
                unique: true);

            migrationBuilder.Sql("""
                INSERT INTO legacy.sources (name) SELECT DISTINCT source FROM legacy.record_map ORDER BY 1;
                ALTER TABLE legacy.record_map ADD COLUMN source_id integer;
                UPDATE legacy.record_map m SET source_id = s.id FROM legacy.sources s WHERE s.name = m.source;
                ALTER TABLE legacy.record_map DROP CONSTRAINT pk_record_map;
                ALTER TABLE legacy.record_map DROP COLUMN source;
                ALTER TABLE legacy.record_map ALTER COLUMN source_id SET NOT NULL;
                ALTER TABLE legacy.record_map ADD CONSTRAINT pk_record_map PRIMARY KEY (source_id, tbl, legacy_key);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE legacy.record_map ADD COLUMN source character varying(300);
                UPDATE legacy.record_map m SET source = s.name FROM legacy.sources s WHERE s.id = m.source_id;
                ALTER TABLE legacy.record_map DROP CONSTRAINT pk_record_map;
                ALTER TABLE legacy.record_map DROP COLUMN source_id;
                ALTER TABLE legacy.record_map ALTER COLUMN source SET NOT NULL;
                ALTER TABLE legacy.record_map ADD CONSTRAINT pk_record_map PRIMARY KEY (source, tbl, legacy_key);
                """);

            migrationBuilder.DropTable(
                name: "sources",
                schema: "legacy");
        }
    }
}
