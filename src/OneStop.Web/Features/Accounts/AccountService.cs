using System.Text;
using System.Text.Encodings.Web;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Core.Notifications;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Links;

namespace OneStop.Web.Features.Accounts;

/// <summary>Registration, e-mail confirmation and password reset, used by the pages and the API alike.</summary>
public sealed class AccountService(
    UserProvisioner provisioner,
    UserManager<OneStopUser> users,
    IEmailSender email,
    IValidator<RegisterCitizen> validator,
    PublicLinks links)
{
    public async Task<OneStopUser> RegisterAsync(RegisterCitizen request, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var user = await provisioner.CreateAsync(
            new NewUser(request.Email.Trim(), request.FullName, Roles.Citizen, Password: request.Password,
                IdNumber: request.IdNumber, Phone: VietnameseFormats.NormalizePhone(request.Phone), Address: request.Address),
            cancellationToken);
        await SendConfirmationAsync(user, cancellationToken);
        return user;
    }

    public async Task SendConfirmationAsync(OneStopUser user, CancellationToken cancellationToken)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.To("/Account/ConfirmEmail", [new("userId", user.Id.ToString()), new("code", code)]);
        await email.SendAsync(user.Email!, "Xác nhận địa chỉ e-mail — OneStop",
            $"<p>Xin chào {HtmlEncoder.Default.Encode(user.FullName)},</p>" +
            $"<p>Vui lòng xác nhận e-mail của bạn bằng cách <a href=\"{HtmlEncoder.Default.Encode(link)}\">bấm vào đây</a>.</p>" +
            $"<p>Liên kết: {HtmlEncoder.Default.Encode(link)}</p>",
            cancellationToken);
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

    /// <summary>Sends a reset link when the account exists; says nothing either way, so accounts cannot be probed.</summary>
    public async Task RequestPasswordResetAsync(string emailAddress, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(emailAddress.Trim());
        if (user is null || !user.IsActive)
        {
            return;
        }

        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.To("/Account/ResetPassword", [new("email", user.Email), new("code", code)]);
        await email.SendAsync(user.Email!, "Đặt lại mật khẩu — OneStop",
            $"<p>Để đặt lại mật khẩu, <a href=\"{HtmlEncoder.Default.Encode(link)}\">bấm vào đây</a>.</p><p>Liên kết: {HtmlEncoder.Default.Encode(link)}</p>" +
            "<p>Nếu bạn không yêu cầu, hãy bỏ qua thư này.</p>",
            cancellationToken);
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
