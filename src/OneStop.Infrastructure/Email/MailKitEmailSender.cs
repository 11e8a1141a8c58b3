using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using OneStop.Core.Common;
using OneStop.Core.Notifications;

namespace OneStop.Infrastructure.Email;

/// <summary>Builds MIME messages with MimeKit and delivers them to a pickup folder or an SMTP relay.</summary>
internal sealed partial class MailKitEmailSender(IOptions<EmailOptions> options, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default) =>
        SendAsync(new EmailMessage(to, subject, htmlBody), cancellationToken);

    public async Task SendAsync(EmailMessage email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = Text.Clean(email.Subject);
        message.Body = new BodyBuilder { HtmlBody = Text.Clean(email.HtmlBody) }.ToMessageBody();
        if (email.Id is { } id)
        {
            // The same message delivered twice (a retry after a crash) carries the same Message-Id, so mail systems can drop the copy.
            var domain = message.From.Mailboxes.First().Domain;
            message.MessageId = $"{id}@{(string.IsNullOrEmpty(domain) ? "onestop.local" : domain)}";
        }

        if (settings.Mode == "Smtp")
        {
            using var client = await ConnectAsync(settings.Smtp, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        else
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var name = email.Id ?? $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
            var file = Path.Combine(settings.PickupDirectory, name + ".eml");
            // Written aside and moved in place: a reader never sees half a message, and a repeated delivery replaces the file.
            var partial = Path.Combine(settings.PickupDirectory, $".{name}.{Guid.NewGuid():N}.tmp");
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, file, overwrite: true);
        }

        LogSent(logger, settings.Mode, message.MessageId ?? "-");
    }

    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.Mode == "Smtp")
        {
            using var client = await ConnectAsync(settings.Smtp, cancellationToken);
            await client.NoOpAsync(cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        else
        {
            Directory.CreateDirectory(settings.PickupDirectory);
        }
    }

    private static async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        try
        {
            var security = smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto;
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} delivered via {Mode}")]
    private static partial void LogSent(ILogger logger, string mode, string messageId);
}
