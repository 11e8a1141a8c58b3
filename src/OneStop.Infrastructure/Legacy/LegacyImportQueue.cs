using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Core.Common;
using OneStop.Legacy.Bundles;

namespace OneStop.Infrastructure.Legacy;

/// <summary>An import started from the admin console: the uploaded .zip (and mapping) saved on disk, and who started it.</summary>
public sealed record LegacyImportJob(Guid Id, string BundlePath, string FileName, LegacyMapping Mapping, string StartedBy, DateTimeOffset QueuedAt)
{
    /// <summary>Queued, Running, Completed or Failed, with a message for the last two.</summary>
    public string Status { get; set; } = "Queued";

    public string? Message { get; set; }
}

/// <summary>Runs admin-started imports one after another in the background (the import itself also holds a database lock).</summary>
public sealed class LegacyImportQueue(IServiceScopeFactory scopes, Observability.LegacyImportMonitor monitor, ILogger<LegacyImportQueue> logger)
    : BackgroundService
{
    private readonly Channel<LegacyImportJob> _jobs = Channel.CreateUnbounded<LegacyImportJob>();
    private readonly ConcurrentDictionary<Guid, LegacyImportJob> _recent = new();

    /// <summary>Where uploaded bundles are kept until their import ends.</summary>
    public static string UploadDirectory { get; } = Path.Combine(Path.GetTempPath(), "onestop-legacy-uploads");

    /// <summary>The jobs of this app instance, newest first (past runs of any instance are in legacy.import_runs).</summary>
    public IReadOnlyList<LegacyImportJob> Recent => _recent.Values.OrderByDescending(j => j.QueuedAt).Take(20).ToList();

    public void Enqueue(LegacyImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _recent[job.Id] = job;
        _jobs.Writer.TryWrite(job);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
        {
            job.Status = "Running";
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<LegacyImporter>();
                using var tracked = monitor.Track(importer);
                var report = await importer.ImportAsync(new LegacyImportRequest(job.BundlePath) { Mapping = job.Mapping, StartedBy = job.StartedBy }, stoppingToken);
                job.Status = "Completed";
                job.Message = $"Đã nhập xong: {report.Tables.Values.Sum(t => t.Read):N0} dòng đọc, {report.Issues.Count:N0} vấn đề.";
            }
            catch (BundleException ex)
            {
                job.Status = "Failed";
                job.Message = "Gói dữ liệu không dùng được, không có gì được ghi: " + ex.Message;
            }
            catch (Exception ex) when (ex.IsFailure(stoppingToken))
            {
                logger.LogError(ex, "Legacy import of {File} failed", job.FileName);
                job.Status = "Failed";
                job.Message = "Nhập dữ liệu bị lỗi (tải lên lại cùng gói để tiếp tục): " + ex.Message;
            }
            finally
            {
                TryDelete(job.BundlePath);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
