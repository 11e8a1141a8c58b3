using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryKeyedByDossierAndSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The id was derived from the same key (source, dossier code, sequence) as (dossier_id, sequence): nothing is lost.
            migrationBuilder.DropPrimaryKey(
                name: "pk_dossier_history",
                schema: "legacy",
                table: "dossier_history");

            migrationBuilder.DropIndex(
                name: "ix_dossier_history_dossier_id_sequence",
                schema: "legacy",
                table: "dossier_history");

            migrationBuilder.DropColumn(
                name: "id",
                schema: "legacy",
                table: "dossier_history");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dossier_history",
                schema: "legacy",
                table: "dossier_history",
                columns: new[] { "dossier_id", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_dossier_history",
                schema: "legacy",
                table: "dossier_history");

            migrationBuilder.AddColumn<Guid>(
                name: "id",
                schema: "legacy",
                table: "dossier_history",
                type: "uuid",
                nullable: true);

            // The ids the importer derived (md5 of source, table and legacy key), from the dossier's map entry; a random one for a
            // row without (none the importer wrote).
            migrationBuilder.Sql("""
                UPDATE legacy.dossier_history h SET id = md5(m.source || '|qua_trinh|' || m.legacy_key || '#' || h.sequence)::uuid
                FROM legacy.record_map m WHERE m.tbl = 'ho_so' AND m.target_id = h.dossier_id;
                UPDATE legacy.dossier_history SET id = gen_random_uuid() WHERE id IS NULL;
                ALTER TABLE legacy.dossier_history ALTER COLUMN id SET NOT NULL;
                """);

            migrationBuilder.AddPrimaryKey(
                name: "pk_dossier_history",
                schema: "legacy",
                table: "dossier_history",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_history_dossier_id_sequence",
                schema: "legacy",
                table: "dossier_history",
                columns: new[] { "dossier_id", "sequence" });
        }
    }
}
