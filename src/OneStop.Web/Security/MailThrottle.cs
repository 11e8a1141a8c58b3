using System.Collections.Concurrent;

namespace OneStop.Web.Security;

/// <summary>
/// At most MailThrottle:PerAddressPerHour (3) account mails of one kind (reset link, confirmation, "already registered") to one
/// address per hour, whoever asks from wherever: asking again gets the same answer but sends nothing, so the forms cannot be used
/// to flood someone's mailbox. Kept in memory per host.
/// </summary>
public sealed class MailThrottle(TimeProvider clock, IConfiguration configuration)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);

    /// <summary>Records a mail about to be sent; false when the address has had its share this hour.</summary>
    public bool TryTake(string kind, string address)
    {
        var now = clock.GetUtcNow();
        var limit = Math.Max(1, configuration.GetValue("MailThrottle:PerAddressPerHour", 3));
        if (_sent.Count >= MaxEntries)
        {
            _sent.Clear();
        }

        var times = _sent.GetOrAdd(kind + "|" + address.Trim().ToUpperInvariant(), _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= TimeSpan.FromHours(1))
            {
                times.Dequeue();
            }

            if (times.Count >= limit)
            {
                return false;
            }

            times.Enqueue(now);
            return true;
        }
    }
}
