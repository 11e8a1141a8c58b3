using OneStop.Infrastructure.Files;
using OneStop.Legacy.Analysis;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Records;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Runtime.Definitions;

namespace OneStop.Infrastructure.Legacy;

/// <summary>
/// Writes the seven tables in order (parents first): COPY into staging, merge set-based, then count what was unchanged; history and
/// attachments are staged while the table before them merges.
/// </summary>
internal sealed class LegacyTableWriter(LegacyImportSession session, LegacyBundleAnalyzer analyzer, LegacyMapping mapping,
    IWorkflowDefinitionRegistry definitions, IFileStore files, WorkingCalendar calendar, Action<string> phase)
{
    private readonly LegacyStagingRows _rows = new(mapping);
    private readonly LegacyRouteIndex _routes = new(analyzer.Report, calendar, session.ExportedAt);

    public async Task WriteAllAsync(CancellationToken ct)
    {
        phase("Đơn vị (don_vi)");
        await session.CopyAsync("stg_agencies", LegacyStagingRows.AgencyColumns, LegacyStagingRows.AgencyTypes,
            analyzer.ReadAgenciesAsync(ct), r => _rows.Agency(r.Row), ct);
        await session.MergeAsync(LegacyReferenceSql.Agencies, ct);
        await MarkUnchangedAsync(LegacyTables.Agencies, "stg_agencies", "s.legacy_code", null, ct);

        phase("Lĩnh vực (linh_vuc)");
        await session.CopyAsync("stg_fields", LegacyStagingRows.FieldColumns, LegacyStagingRows.FieldTypes,
            analyzer.ReadFieldsAsync(ct), r => _rows.Field(r.Row), ct);
        await session.MergeAsync(LegacyReferenceSql.Fields, ct);
        await MarkUnchangedAsync(LegacyTables.Fields, "stg_fields", "s.code", null, ct);

        phase("Thủ tục (thu_tuc)");
        await session.CopyAsync("stg_procedures", LegacyStagingRows.ProcedureColumns, LegacyStagingRows.ProcedureTypes,
            WithPlaceholders(analyzer.ReadProceduresAsync(ct)), _rows.Procedure, ct);
        await session.MergeAsync(LegacyReferenceSql.Procedures, ct);
        await MarkUnchangedAsync(LegacyTables.Procedures, "stg_procedures", "s.legacy_code", "NOT s.placeholder", ct);

        phase("Quy trình cho hồ sơ đang xử lý");
        var procedures = await session.QueryAsync("""
            SELECT m.legacy_key, p.workflow_id FROM legacy.record_map m JOIN procedures p ON p.id = m.target_id
            WHERE m.source_id = @source_id AND m.tbl = 'thu_tuc' ORDER BY m.legacy_key
            """, r => (r.GetString(0), r.GetString(1)), ct);
        await session.CopyAsync("stg_routes", LegacyRoutes.Columns, LegacyRoutes.Types, _routes.Remember(LegacyRoutes.BuildAsync(procedures, mapping, definitions)), v => v, ct);
        await session.MergeAsync([LegacyReferenceSql.Departments], ct);

        phase("Cán bộ (can_bo)");
        await session.CopyAsync("stg_officials", LegacyStagingRows.OfficialColumns, LegacyStagingRows.OfficialTypes,
            analyzer.ReadOfficialsAsync(ct), r => _rows.Official(r.Row), ct);
        await session.MergeAsync(LegacyReferenceSql.Officials, ct);
        await MarkUnchangedAsync(LegacyTables.Officials, "stg_officials", "s.user_name", null, ct);

        phase("Hồ sơ (ho_so)");
        await session.CopyAsync("stg_dossiers", LegacyStagingRows.DossierColumns, LegacyStagingRows.DossierTypes,
            analyzer.ReadDossiersAsync(ct), r =>
            {
                _routes.Check(r);
                return _rows.Dossier(r.Row, _routes.Timing(r.Row));
            }, ct);
        phase("Hồ sơ (ho_so): ghi vào cơ sở dữ liệu");
        // While PostgreSQL merges a table, the next file is read, checked and staged on a connection of its own: the reading is
        // .NET work on a core the merge leaves partly idle. The report's counts of unchanged rows are taken after both are done.
        long unchangedDossiers = 0;
        await LegacyImportSession.TogetherAsync(ct,
            async stop =>
            {
                await session.MergeInBatchesAsync("stg_dossiers", LegacyDossierSql.Dossiers, LegacyDossierSql.DossierTables, stop);
                unchangedDossiers = await session.CountUnchangedAsync("stg_dossiers", LegacyTables.Dossiers, "s.code", null, stop);
                phase("Quá trình xử lý (qua_trinh)");
            },
            stop => session.CopyBesideAsync("stg_history", LegacyStagingRows.HistoryColumns, LegacyStagingRows.HistoryTypes,
                analyzer.ReadHistoryAsync(stop), r => _rows.History(r.Row), stop));
        analyzer.Report.Table(LegacyTables.Dossiers).MarkUnchanged(unchangedDossiers);

        phase("Quá trình xử lý (qua_trinh): ghi vào cơ sở dữ liệu");
        var copier = new LegacyAttachmentFiles(analyzer.Bundle, files, session.RunId);
        long unchangedHistory = 0;
        await LegacyImportSession.TogetherAsync(ct,
            async stop =>
            {
                await session.MergeInBatchesAsync("stg_history", LegacyDossierSql.History, LegacyDossierSql.HistoryTables, stop);
                unchangedHistory = await session.ScalarAsync(LegacyDossierSql.CountUnchangedHistory, stop);
                phase("Tệp đính kèm (tep_dinh_kem)");
            },
            stop => session.CopyBesideAsync("stg_attachments", LegacyStagingRows.AttachmentColumns, LegacyStagingRows.AttachmentTypes,
                WithFiles(analyzer.ReadAttachmentsAsync(stop), copier, stop), v => v, stop));
        analyzer.Report.Table(LegacyTables.History).MarkUnchanged(unchangedHistory);

        phase("Tệp đính kèm (tep_dinh_kem): ghi vào cơ sở dữ liệu");
        await session.MergeInBatchesAsync("stg_attachments", LegacyDossierSql.Attachments, LegacyDossierSql.AttachmentTables, ct);
        await MarkUnchangedAsync(LegacyTables.Attachments, "stg_attachments", "s.code || '|' || s.file_key", null, ct);
    }

    private async Task MarkUnchangedAsync(string table, string staging, string key, string? where, CancellationToken ct) =>
        analyzer.Report.Table(table).MarkUnchanged(await session.CountUnchangedAsync(staging, table, key, where, ct));

    private async IAsyncEnumerable<LegacyProcedure> WithPlaceholders(IAsyncEnumerable<AcceptedRow<LegacyProcedure>> rows)
    {
        await foreach (var row in rows)
        {
            yield return row.Row;
        }

        foreach (var placeholder in analyzer.PlaceholderProcedures)
        {
            yield return placeholder;
        }
    }

    private async IAsyncEnumerable<object?[]> WithFiles(IAsyncEnumerable<AcceptedRow<LegacyAttachment>> rows, LegacyAttachmentFiles copier,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return _rows.Attachment(row.Row, await copier.CopyAsync(row.Row, ct));
        }
    }
}
