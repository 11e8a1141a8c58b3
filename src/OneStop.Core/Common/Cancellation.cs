namespace OneStop.Core.Common;

/// <summary>
/// Tells a failure from the caller's cancellation. An HttpClient's timeout (a webhook, the CA, the national portal) surfaces as an
/// <see cref="OperationCanceledException"/> nobody asked for: a catch that lets every one of them through let a slow webhook end
/// the background service delivering it — and a faulted background service stops the host. Only the caller's own token asking for
/// it is a cancellation.
/// </summary>
public static class Cancellation
{
    /// <summary>True unless <paramref name="exception"/> is the cancellation <paramref name="token"/> asked for.</summary>
    public static bool IsFailure(this Exception exception, CancellationToken token) =>
        exception is not OperationCanceledException || !token.IsCancellationRequested;
}
