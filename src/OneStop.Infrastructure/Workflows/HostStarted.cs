using Microsoft.Extensions.Hosting;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// Background work waits for the host to have started: hosted services start before the server and run beside the other hosted
/// services' start (the startup tasks migrate the database), so a first poll at once could meet an unmigrated database or a server
/// that does not answer yet.
/// </summary>
internal static class HostStarted
{
    /// <summary>Completes when the application has started; false when the host stops first.</summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return true;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
