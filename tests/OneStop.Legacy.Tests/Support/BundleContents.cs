using OneStop.Legacy.Analysis;
using OneStop.Legacy.Records;
using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Tests.Support;

/// <summary>Everything an analyzer yields for a bundle, collected for assertions (small bundles only).</summary>
public sealed record BundleContents(
    ImportReport Report,
    IReadOnlyList<LegacyAgency> Agencies,
    IReadOnlyList<LegacyField> Fields,
    IReadOnlyList<LegacyProcedure> Procedures,
    IReadOnlyList<LegacyProcedure> Placeholders,
    IReadOnlyList<LegacyOfficial> Officials,
    IReadOnlyList<AcceptedRow<LegacyDossier>> Dossiers,
    IReadOnlyList<LegacyHistoryEntry> History,
    IReadOnlyList<AcceptedRow<LegacyAttachment>> Attachments)
{
    public static async Task<BundleContents> ReadAsync(string path)
    {
        using var analyzer = await LegacyBundleAnalyzer.OpenAsync(path);
        var agencies = await Rows(analyzer.ReadAgenciesAsync());
        var fields = await Rows(analyzer.ReadFieldsAsync());
        var procedures = await Rows(analyzer.ReadProceduresAsync());
        var officials = await Rows(analyzer.ReadOfficialsAsync());
        var dossiers = await All(analyzer.ReadDossiersAsync());
        var history = await Rows(analyzer.ReadHistoryAsync());
        var attachments = await All(analyzer.ReadAttachmentsAsync());
        return new BundleContents(
            analyzer.Complete(),
            agencies,
            fields,
            procedures,
            analyzer.PlaceholderProcedures,
            officials,
            dossiers,
            history,
            attachments);
    }

    public LegacyDossier Dossier(string code) => Dossiers.Single(d => d.Row.Code == code).Row;

    private static async Task<List<T>> Rows<T>(IAsyncEnumerable<AcceptedRow<T>> rows)
        where T : notnull
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row.Row);
        }

        return list;
    }

    private static async Task<List<AcceptedRow<T>>> All<T>(IAsyncEnumerable<AcceptedRow<T>> rows)
        where T : notnull
    {
        var list = new List<AcceptedRow<T>>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }
}
