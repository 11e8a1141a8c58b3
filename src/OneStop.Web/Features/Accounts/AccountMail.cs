using OneStop.Core.Common;
using OneStop.Core.Notifications;

namespace OneStop.Web.Features.Accounts;

/// <summary>
/// The mail server did not take an account mail; nothing about the account was undone. 503 for programs; the message says what the
/// person (or the administrator, for an invitation) does next.
/// </summary>
public sealed class MailUnavailableException(string message = AccountMail.Unavailable) : DomainException(AccountMail.UnavailableCode, message);

/// <summary>
/// Sends the account mails that carry a one-time link (e-mail confirmation, password reset, an official's invitation, the national identity
/// link) straight to the mail server, never through the e-mail outbox, so no link that opens an account rests in the database. A server that
/// is down or refuses becomes an answer the person can act on (see each caller), never a 500; the log names the failure's type only, never
/// the address or the server's reply (which often quotes the address).
/// </summary>
public sealed partial class AccountMail(IEmailSender sender, ILogger<AccountMail> logger)
{
    public const string UnavailableCode = "mail.unavailable";

    public const string Unavailable =
        "Hệ thống chưa gửi được thư đến địa chỉ e-mail này lúc này (máy chủ thư tạm thời không nhận thư). " +
        "Vui lòng thử lại sau ít phút; nếu bạn vừa đăng ký, hãy dùng \"Gửi lại thư xác nhận\".";

    /// <summary>Sends the mail; false when the mail server did not take it (logged, without personal data).</summary>
    public async Task<bool> TrySendAsync(string to, string subject, string htmlBody, string purpose, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(to, subject, htmlBody, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex.IsFailure(cancellationToken))
        {
            LogNotSent(logger, purpose, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// Opens and closes a session with the mail server without a message, where an answer must take as long, and fail the same way,
    /// as one that sent a mail (<see cref="IEmailSender.ProbeAsync"/>); false when the server could not be reached (logged).
    /// </summary>
    public async Task<bool> TryProbeAsync(string purpose, CancellationToken cancellationToken)
    {
        try
        {
            await sender.ProbeAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex.IsFailure(cancellationToken))
        {
            LogNotSent(logger, purpose, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Purpose} mail was not taken by the mail server ({Error}); nothing was queued, the person or administrator asks again")]
    private static partial void LogNotSent(ILogger logger, string purpose, string error);
}
