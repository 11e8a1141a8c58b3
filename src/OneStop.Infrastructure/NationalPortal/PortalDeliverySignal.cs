namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// Raised when a transaction that queued national-portal messages commits, so this host delivers them at once instead of at the next
/// poll (which stays the safety net: other hosts, a signal lost in a crash). Raising it many times before it is awaited wakes it once.
/// </summary>
public sealed class PortalDeliverySignal
{
    private readonly SemaphoreSlim _raised = new(0, 1);

    public void Raise()
    {
        try
        {
            _raised.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised and not yet awaited: one wake-up covers both.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _raised.WaitAsync(cancellationToken);
}
