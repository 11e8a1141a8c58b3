namespace OneStop.Core.Notifications;

/// <summary>Sends an e-mail; development writes it to a pickup folder, production uses SMTP.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);

    /// <summary>Sends the message; sending the same <see cref="EmailMessage.Id"/> again replaces the pickup file and repeats the Message-Id.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
