using System.Net;
using System.Text.RegularExpressions;

namespace OneStop.Testing;

/// <summary>Reads the mail the app wrote to its pickup folder.</summary>
public sealed partial class Mailbox(string directory)
{
    [GeneratedRegex("https?://[^\\s\"<>]+")]
    private static partial Regex LinkPattern();

    /// <summary>The messages in the pickup folder to the address, oldest first (no waiting: call after the outbox was delivered).</summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> MessagesToAsync(string to)
    {
        var found = new List<(DateTime At, MimeKit.MimeMessage Message)>();
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.GetFiles(directory, "*.eml"))
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add((File.GetLastWriteTimeUtc(file), message));
                }
            }
        }

        // Outbox mails are named onestop-{created}-{id}: in that order they were written.
        return found.OrderBy(f => f.Message.MessageId, StringComparer.Ordinal).ThenBy(f => f.At).Select(f => f.Message).ToList();
    }

    /// <summary>Waits briefly for a message to the address and returns the first link in it that contains the marker.</summary>
    public async Task<string> WaitForLinkAsync(string to, string marker)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                    {
                        var link = LinkPattern().Matches(message.HtmlBody ?? string.Empty)
                            .Select(m => WebUtility.HtmlDecode(m.Value))
                            .FirstOrDefault(l => l.Contains(marker, StringComparison.OrdinalIgnoreCase));
                        if (link is not null)
                        {
                            return link;
                        }
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail with a '{marker}' link reached {to}.");
    }
}
