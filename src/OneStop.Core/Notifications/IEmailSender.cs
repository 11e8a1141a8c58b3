namespace OneStop.Core.Notifications;

/// <summary>Sends an e-mail; development writes it to a pickup folder, production uses SMTP.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);

    /// <summary>Sends the message; sending the same <see cref="EmailMessage.Id"/> again replaces the pickup file and repeats the Message-Id.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a session with the mail server as sending does (connection, authentication) and closes it without a message: about the
    /// time a send takes and the same failure when the server is down, for answers that must not tell whether a mail went out.
    /// </summary>
    Task ProbeAsync(CancellationToken cancellationToken = default);
}
