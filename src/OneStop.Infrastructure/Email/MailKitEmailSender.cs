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
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = Text.Clean(subject);
        message.Body = new BodyBuilder { HtmlBody = Text.Clean(htmlBody) }.ToMessageBody();

        if (settings.Mode == "Smtp")
        {
            using var client = new SmtpClient();
            var security = settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto;
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        else
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var file = Path.Combine(settings.PickupDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
        }

        LogSent(logger, settings.Mode, message.MessageId ?? "-");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} delivered via {Mode}")]
    private static partial void LogSent(ILogger logger, string mode, string messageId);
}
