using System.Collections.Concurrent;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// The local stand-in for the national portal's receiving side (like the simulated bank): it records each message once by its id, in
/// the order received, and can be told to refuse everything (to exercise retries). In memory: it forgets when the host stops.
/// </summary>
public sealed class NationalPortalSimulator
{
    private readonly ConcurrentDictionary<Guid, PortalMessageBody> _byId = new();
    private readonly ConcurrentQueue<PortalMessageBody> _received = new();
    private int _deliveries;

    /// <summary>While set, every message is refused with this reason (HTTP 503).</summary>
    public string? RefuseWith { get; set; }

    /// <summary>Every distinct message, in the order it first arrived.</summary>
    public IReadOnlyList<PortalMessageBody> Received => [.. _received];

    /// <summary>How many deliveries arrived, repeats included.</summary>
    public int Deliveries => _deliveries;

    /// <summary>Records a message; false when its id was already recorded (a repeat, answered as a success and not recorded twice).</summary>
    public bool Receive(PortalMessageBody message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _deliveries);
        if (!_byId.TryAdd(message.MessageId, message))
        {
            return false;
        }

        _received.Enqueue(message);
        return true;
    }

    /// <summary>The messages received about one dossier, in sequence order.</summary>
    public IReadOnlyList<PortalMessageBody> For(string dossierCode) =>
        Received.Where(m => m.DossierCode == dossierCode).OrderBy(m => m.Sequence).ToList();
}
