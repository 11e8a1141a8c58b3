namespace OneStop.Core.Notifications;

/// <summary>Sends an e-mail; development writes it to a pickup folder, production uses SMTP.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}
