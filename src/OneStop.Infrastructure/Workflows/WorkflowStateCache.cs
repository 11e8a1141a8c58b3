using System.Collections.Concurrent;
using System.Text;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// The newest committed state this host has seen of each workflow instance, with its version, so a change that names the version it
/// expects (an official's If-Match) need not read the state again: a version names one state. Only committed states are kept — read
/// outside a transaction, or written by a save that was its own transaction — never one a caller's transaction could still roll
/// back. A state that has moved on since is refused by the save's version check, as it would have been after a fresh read.
/// </summary>
public sealed class WorkflowStateCache
{
    /// <summary>At most this many instances are kept (their states as UTF-8, 2–10 KB each); past it the cache starts again empty.</summary>
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<Guid, (long Version, byte[] State)> _states = new();

    /// <summary>Keeps a committed state, unless a newer version of the instance is already kept.</summary>
    internal void Remember(Guid instanceId, long version, string state)
    {
        if (_states.TryGetValue(instanceId, out var known) && known.Version >= version)
        {
            return;
        }

        if (_states.Count >= MaxEntries)
        {
            _states.Clear();
        }

        var utf8 = Encoding.UTF8.GetBytes(state);
        _states.AddOrUpdate(instanceId, (version, utf8), (_, kept) => kept.Version >= version ? kept : (version, utf8));
    }

    /// <summary>The state of the instance at that version (UTF-8 JSON), when it is the one kept; null otherwise.</summary>
    internal byte[]? Find(Guid instanceId, long version) =>
        _states.TryGetValue(instanceId, out var known) && known.Version == version ? known.State : null;
}
