using System.Threading.Channels;

namespace OneStop.Web.Features.Accounts;

/// <summary>
/// Account mails whose request answers the same whatever happens (a password reset, a resent confirmation) are handed to the mail
/// server after the answer, from memory: waiting for the server only when the address has an account made the answer's time tell
/// a stranger that it has one (the mail server's round trips, tens to hundreds of milliseconds, against nothing). Like every account
/// mail they never rest in the database (see <see cref="AccountMail"/>); a mail the server refuses is logged without the address, and
/// the person asks again. The queue is bounded: a flood beyond it is dropped and logged, never held (the requests are rate limited
/// and each address gets a few such mails an hour). On shutdown what is queued is still sent, within the host's shutdown time.
/// </summary>
public sealed partial class AccountMailQueue(AccountMail mail, ILogger<AccountMailQueue> logger) : BackgroundService
{
    /// <summary>Mails waiting at most.</summary>
    public const int Capacity = 1_000;

    private readonly Channel<Message> _queue = Channel.CreateBounded<Message>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private int _pending;

    /// <summary>Queues the mail; false (and logged) when the queue is full.</summary>
    public bool Enqueue(string to, string subject, string htmlBody, string purpose)
    {
        Interlocked.Increment(ref _pending);
        if (_queue.Writer.TryWrite(new Message(to, subject, htmlBody, purpose)))
        {
            return true;
        }

        Interlocked.Decrement(ref _pending);
        LogDropped(logger, purpose, Capacity);
        return false;
    }

    /// <summary>Completes when every mail queued so far has been handed to the mail server or refused by it.</summary>
    public async Task IdleAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new mail after this; the reader sends what is left, then ends.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read until the queue is completed and empty, not until the stop signal: what was queued before a shutdown is still sent
        // (the host waits for it at most its shutdown timeout).
        await foreach (var message in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await mail.TrySendAsync(message.To, message.Subject, message.HtmlBody, message.Purpose, CancellationToken.None);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private sealed record Message(string To, string Subject, string HtmlBody, string Purpose);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Purpose} mail was dropped: {Capacity} account mails are already waiting for the mail server, or the host is stopping")]
    private static partial void LogDropped(ILogger logger, string purpose, int capacity);
}
