using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Files;

namespace OneStop.Web.Hosting.Health;

/// <summary>Ready when a file can be written to and removed from the file store (the shared volume every instance uses).</summary>
internal sealed class FileStoreWritableCheck(IOptions<FileStoreOptions> options, IHostEnvironment environment) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(options.Value.Root, environment.ContentRootPath);
        // Named like the store's temporary files, so that a probe cut short is swept with them.
        var probe = Path.Combine(root, $"health-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(root);
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The file store is not writable ({ex.GetType().Name}).");
        }
    }
}
