using OneStop.Legacy.Bundles;
using OneStop.Legacy.Csv;

namespace OneStop.Legacy.Analysis;

/// <summary>The passes made before any row is yielded: every header checked, reference keys and the dossier index built.</summary>
internal sealed class IndexPasses(LegacyBundle bundle, Dictionary<string, KeyIndex> keys, DossierIndex dossiers, HistoryDuplicates history)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var schema in TableSchema.All)
        {
            // Headers first: a missing column makes the bundle unusable before any pass starts.
            await (await CsvTableReader.OpenAsync(bundle, schema, cancellationToken)).DisposeAsync();
        }

        foreach (var schema in new[] { TableSchema.Agencies, TableSchema.Fields, TableSchema.Procedures, TableSchema.Officials })
        {
            keys[schema.Table] = await IndexKeysAsync(schema, cancellationToken);
        }

        await IndexDossiersAsync(cancellationToken);
        await IndexHistoryAsync(cancellationToken);
    }

    /// <summary>Finds the duplicated (so_ho_so, thu_tu) keys among the history rows that will be imported.</summary>
    private async Task IndexHistoryAsync(CancellationToken cancellationToken)
    {
        await using var csv = await CsvTableReader.OpenAsync(bundle, TableSchema.History, cancellationToken);
        var row = new RowContext(csv, report: null);
        while (await csv.ReadAsync(cancellationToken))
        {
            if (row.Begin() && dossiers.TryGet(row.Key, out var parent) && !parent.Rejected && LegacyValues.TryInt(row.Get("thu_tu"), out var sequence))
            {
                history.Add(dossiers, row.Key, sequence, row.Line);
            }
        }
    }

    private async Task<KeyIndex> IndexKeysAsync(TableSchema schema, CancellationToken cancellationToken)
    {
        var index = new KeyIndex();
        await using var csv = await CsvTableReader.OpenAsync(bundle, schema, cancellationToken);
        var row = new RowContext(csv, report: null);
        while (await csv.ReadAsync(cancellationToken))
        {
            if (row.Begin())
            {
                index.Add(row.Key, row.Line);
            }
        }

        return index;
    }

    private async Task IndexDossiersAsync(CancellationToken cancellationToken)
    {
        var procedures = keys[TableSchema.Procedures.Table];
        await using var csv = await CsvTableReader.OpenAsync(bundle, TableSchema.Dossiers, cancellationToken);
        var row = new RowContext(csv, report: null);
        while (await csv.ReadAsync(cancellationToken))
        {
            if (!row.Begin())
            {
                continue;
            }

            var dossier = DossierRows.Map(row, procedures);
            dossiers.Set(row.Key, row.Line, rejected: dossier is null, dossier is { ProcedureIsPlaceholder: true } ? dossier.ProcedureCode : null);
        }
    }
}
