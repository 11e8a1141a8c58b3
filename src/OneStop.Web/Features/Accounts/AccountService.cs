using System.Text;
using System.Text.Encodings.Web;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Links;

namespace OneStop.Web.Features.Accounts;

/// <summary>
/// Registration, e-mail confirmation and password reset, used by the pages and the API alike. None of them tells a stranger whether
/// an account exists: the answer is the same, and what differs goes by e-mail to the address's owner (at most a few mails per hour).
/// </summary>
public sealed class AccountService(
    UserProvisioner provisioner,
    UserManager<OneStopUser> users,
    AccountMail email,
    AccountMailQueue later,
    IValidator<RegisterCitizen> validator,
    PublicLinks links,
    OneStop.Web.Security.MailThrottle mails)
{
    /// <summary>
    /// Creates the citizen's account and mails the confirmation link; for an address that already has an account nothing is created
    /// and its owner is told by e-mail instead — the caller answers the same either way.
    /// </summary>
    public async Task RegisterAsync(RegisterCitizen request, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var address = request.Email.Trim();
        if (await users.FindByEmailAsync(address) is { } existing)
        {
            // A new account's password is hashed (tens of milliseconds of key derivation); the same work here, discarded, keeps the time
            // of the answer from telling a stranger which of the two it was.
            _ = users.PasswordHasher.HashPassword(existing, request.Password);
            await SentOrThrow(SendAlreadyRegisteredAsync(existing, cancellationToken));
            return;
        }

        OneStopUser user;
        try
        {
            user = await provisioner.CreateAsync(
                new NewUser(address, request.FullName, Roles.Citizen, Password: request.Password,
                    IdNumber: request.IdNumber, Phone: VietnameseFormats.NormalizePhone(request.Phone), Address: request.Address),
                cancellationToken);
        }
        catch (ConflictException ex) when (ex.Code == "user.exists")
        {
            // Registered by a concurrent request a moment ago: the same answer as for any existing account (the mail server reached
            // either way, also if that account is already gone again).
            await SentOrThrow(await users.FindByEmailAsync(address) is { } raced
                ? SendAlreadyRegisteredAsync(raced, cancellationToken)
                : email.TryProbeAsync("already-registered", cancellationToken));
            return;
        }

        // The account stands either way; when the mail server does not take the link, the person is told to ask for it again later.
        await SentOrThrow(SendConfirmationAsync(user, cancellationToken));
    }

    /// <summary>
    /// Sends the confirmation link again to an unconfirmed account; says nothing either way, and the mail is handed to the mail server
    /// after the answer (<see cref="AccountMailQueue"/>): an answer that differed, or came later for an unconfirmed account, would tell
    /// a stranger the address has one. A mail the server does not take is logged.
    /// </summary>
    public async Task ResendConfirmationAsync(string emailAddress, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(emailAddress.Trim()) is { IsActive: true, EmailConfirmed: false } user
            && await ConfirmationAsync(user) is { } mail)
        {
            later.Enqueue(user.Email!, mail.Subject, mail.Body, "confirmation");
        }
    }

    /// <summary>
    /// Mails the confirmation link (at most a few an hour; past that, the mail server is only reached, as sending would, so the answer
    /// neither comes sooner nor differs when the server is down); false only when the server did not take it.
    /// </summary>
    private async Task<bool> SendConfirmationAsync(OneStopUser user, CancellationToken cancellationToken) =>
        await ConfirmationAsync(user) is { } mail
            ? await email.TrySendAsync(user.Email!, mail.Subject, mail.Body, "confirmation", cancellationToken)
            : await email.TryProbeAsync("confirmation", cancellationToken);

    /// <summary>The confirmation mail with a fresh link; null when the address had its few confirmation mails this hour.</summary>
    private async Task<(string Subject, string Body)?> ConfirmationAsync(OneStopUser user)
    {
        if (!mails.TryTake("confirm", user.Email!))
        {
            return null;
        }

        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.To("/Account/ConfirmEmail", [new("userId", user.Id.ToString()), new("code", code)]);
        return ("Xác nhận địa chỉ e-mail — OneStop",
            $"<p>Xin chào {HtmlEncoder.Default.Encode(user.FullName)},</p>" +
            $"<p>Vui lòng xác nhận e-mail của bạn bằng cách <a href=\"{HtmlEncoder.Default.Encode(link)}\">bấm vào đây</a>.</p>" +
            $"<p>Liên kết: {HtmlEncoder.Default.Encode(link)}</p>");
    }

    /// <summary>
    /// Tells the owner of an address that has an account that someone tried to register it. A deactivated account is not written to, nor
    /// one that had its few such mails this hour, but the mail server is still reached as sending would: a registration of any address
    /// waits for the server and fails the same way when it is down, so neither the answer nor its time tells a stranger the account is
    /// there, deactivated or asked about.
    /// </summary>
    private async Task<bool> SendAlreadyRegisteredAsync(OneStopUser user, CancellationToken cancellationToken)
    {
        if (!user.IsActive || !mails.TryTake("registered", user.Email!))
        {
            return await email.TryProbeAsync("already-registered", cancellationToken);
        }

        var signIn = HtmlEncoder.Default.Encode(links.To("/Account/Login"));
        var reset = HtmlEncoder.Default.Encode(links.To("/Account/ForgotPassword"));
        return await email.TrySendAsync(user.Email!, "Địa chỉ e-mail này đã có tài khoản — OneStop",
            $"<p>Xin chào {HtmlEncoder.Default.Encode(user.FullName)},</p>" +
            "<p>Vừa có yêu cầu đăng ký tài khoản OneStop với địa chỉ e-mail này, nhưng địa chỉ đã có tài khoản nên không tạo thêm.</p>" +
            $"<p>Nếu là bạn: <a href=\"{signIn}\">đăng nhập</a> ({signIn}) hoặc <a href=\"{reset}\">đặt lại mật khẩu</a> ({reset}).</p>" +
            "<p>Nếu không phải bạn, hãy bỏ qua thư này.</p>",
            "already-registered", cancellationToken);
    }

    private static async Task SentOrThrow(Task<bool> sending)
    {
        if (!await sending)
        {
            throw new MailUnavailableException();
        }
    }

    public async Task<bool> ConfirmAsync(Guid userId, string code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || Decode(code) is not { } token)
        {
            return false;
        }

        return (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    /// <summary>
    /// Sends a reset link when the account exists; says nothing either way, so accounts cannot be probed: the mail is handed to the
    /// mail server after the answer (<see cref="AccountMailQueue"/>), so the answer does not come later for an address with an account,
    /// and a mail the server did not take is logged, not told.
    /// </summary>
    public async Task RequestPasswordResetAsync(string emailAddress, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(emailAddress.Trim());
        if (user is null || !user.IsActive || !mails.TryTake("reset", user.Email!))
        {
            return;
        }

        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.To("/Account/ResetPassword", [new("email", user.Email), new("code", code)]);
        later.Enqueue(user.Email!, "Đặt lại mật khẩu — OneStop",
            $"<p>Để đặt lại mật khẩu, <a href=\"{HtmlEncoder.Default.Encode(link)}\">bấm vào đây</a>.</p><p>Liên kết: {HtmlEncoder.Default.Encode(link)}</p>" +
            "<p>Nếu bạn không yêu cầu, hãy bỏ qua thư này.</p>",
            "password-reset");
    }

    public async Task<IdentityResult> ResetPasswordAsync(string emailAddress, string code, string password)
    {
        var user = await users.FindByEmailAsync(emailAddress.Trim());
        if (user is null || Decode(code) is not { } token)
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            // Resetting a password by e-mail also proves the address and lifts a lockout.
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
            }

            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        return result;
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
