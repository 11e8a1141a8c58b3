using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;
using OneStop.Legacy.Analysis;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Runtime.Definitions;

namespace OneStop.Infrastructure.Legacy;

/// <summary>What to import and how.</summary>
public sealed record LegacyImportRequest(string BundlePath)
{
    public LegacyMapping Mapping { get; init; } = LegacyMapping.Default;

    public bool DryRun { get; init; }

    public string? StartedBy { get; init; }

    /// <summary>
    /// Connections the batches of one table are merged on at once (<see cref="LegacyImportSession.MergeInBatchesAsync"/>): two use a
    /// second core of the database server; more help only where it has more cores to spare beside the live application.
    /// </summary>
    public int MergeWorkers { get; init; } = 2;

    /// <summary>Staged lines merged per transaction: smaller batches hold their locks for less time and lose less to a kill.</summary>
    public int BatchLines { get; init; } = DefaultBatchLines;

    /// <summary>Staged lines merged per transaction by default.</summary>
    public const int DefaultBatchLines = 50_000;
}

/// <summary>
/// Imports a legacy bundle: reads it with <see cref="LegacyBundleAnalyzer"/> (a <see cref="BundleException"/> before anything is
/// written when it is unusable), streams each table into staging with binary COPY and merges it set-based into the model.
/// Keys are deterministic and every write is an idempotent upsert committed in batches, so a run killed at any point and started
/// again resumes the same run record and ends with the same database and report as one clean run.
/// </summary>
public sealed class LegacyImporter(OneStopDbContext db, IWorkflowDefinitionRegistry definitions, IFileStore files, WorkingCalendar calendar, TimeProvider clock)
{
    /// <summary>What the import is doing now (for progress displays); the counts are in the analyzer's report.</summary>
    public string Phase { get; private set; } = "Mở gói dữ liệu";

    /// <summary>
    /// Temporary files in the file store not written to for this long are left by a cut write (a write in progress keeps its file's
    /// time fresh), whoever wrote them; the run's own are swept whatever their age, since the import lock rules out another writer.
    /// </summary>
    public static readonly TimeSpan AbandonedTemporaryFileAge = TimeSpan.FromMinutes(30);

    /// <summary>Temporary files of cut writes removed from the file store when this run started or resumed.</summary>
    public int SweptTemporaryFiles { get; private set; }

    /// <summary>Time spent in each merge statement of the last import, summed over batches (for the benchmark and diagnostics).</summary>
    public IReadOnlyDictionary<string, TimeSpan> StatementTimes { get; private set; } = new Dictionary<string, TimeSpan>();

    /// <summary>The report being filled, once the bundle is open.</summary>
    public ImportReport? Report { get; private set; }

    public async Task<ImportReport> ImportAsync(LegacyImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var analyzer = await LegacyBundleAnalyzer.OpenAsync(request.BundlePath, clock, cancellationToken);
        Report = analyzer.Report;
        analyzer.Report.DryRun = request.DryRun;
        if (request.DryRun)
        {
            Phase = "Kiểm tra (chạy thử)";
            await analyzer.ReadAllAsync(cancellationToken);
            return analyzer.Complete();
        }

        var manifest = analyzer.Bundle.Manifest;
        var exportedAt = (manifest.ExportedAt ?? DateTimeOffset.UnixEpoch).ToUniversalTime();
        var connectionString = LegacyImportSession.SessionConnectionString(db.Database.GetConnectionString()!);
        var connection = await LegacyImportSession.OpenLockedAsync(connectionString, cancellationToken);
        var runId = await LegacyRunLog.StartOrResumeAsync(connection, await BundleKeyAsync(analyzer.Bundle, cancellationToken), request,
            manifest.SourceSystem, clock.GetUtcNow(), cancellationToken);
        var sourceId = await LegacyImportSession.SourceIdAsync(connection, manifest.SourceSystem, cancellationToken);
        await using var session = new LegacyImportSession(connection, connectionString, manifest.SourceSystem, sourceId, runId, exportedAt,
            request.MergeWorkers, request.BatchLines);
        StatementTimes = session.StatementTimes;
        try
        {
            // What an attempt of this run killed while copying an attachment left behind, and any long-abandoned temporary file.
            SweptTemporaryFiles = files.SweepTemporaryFiles(AbandonedTemporaryFileAge, LegacyAttachmentFiles.Owner(runId));
            await new LegacyTableWriter(session, analyzer, request.Mapping, definitions, files, calendar, phase => Phase = phase)
                .WriteAllAsync(cancellationToken);
            var report = analyzer.Complete();
            Phase = "Hoàn tất";
            await LegacyRunLog.CompleteAsync(connection, runId, report, clock.GetUtcNow(), cancellationToken);
            return report;
        }
        catch (Exception ex) when (ex.IsFailure(cancellationToken))
        {
            await LegacyRunLog.FailAsync(connection, runId, ex.Message, CancellationToken.None);
            throw;
        }
    }

    private static async Task<string> BundleKeyAsync(LegacyBundle bundle, CancellationToken cancellationToken)
    {
        await using var manifest = bundle.OpenFile("manifest.json");
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(manifest, cancellationToken));
    }
}
