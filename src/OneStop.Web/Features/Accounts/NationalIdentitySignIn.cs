using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Links;

namespace OneStop.Web.Features.Accounts;

/// <summary>What the national identity provider said about the person, read from its claims.</summary>
public sealed record NationalIdentity(string Subject, string IdentityNumber, string FullName, string? Email, bool EmailVerified);

/// <summary>How a sign-in through the national identity provider ended.</summary>
public abstract record NationalIdentityOutcome
{
    private NationalIdentityOutcome()
    {
    }

    /// <summary>Signed in to the bound (or just created or linked) citizen account.</summary>
    public sealed record SignedIn : NationalIdentityOutcome;

    /// <summary>Refused with a message for the person; nothing was created or changed.</summary>
    public sealed record Refused(string Message) : NationalIdentityOutcome;

    /// <summary>The provider did not vouch for an e-mail address: the person gives one and confirms it from the mail.</summary>
    public sealed record NeedsEmail(string? Suggested) : NationalIdentityOutcome;
}

/// <summary>
/// Citizens' sign-in through the province's OpenID Connect provider (VNeID or the national portal's single sign-on). The provider's
/// subject is bound to the account as an external login (<c>user_logins</c>) and its identity number and verified name are kept on the
/// account. The first sign-in links the account with the provider's verified e-mail, or creates a citizen account without password;
/// without a verified e-mail the person gives an address and the link is made when the mailed link is opened. An identity number another
/// account holds through the provider is refused (one typed at a password registration is not proof and blocks nothing), and so are
/// officials and administrators, who keep their password and second factor.
/// </summary>
public sealed class NationalIdentitySignIn(
    SignInManager<OneStopUser> signIn,
    UserProvisioner provisioner,
    AccountMail email,
    PublicLinks links,
    IDataProtectionProvider protection,
    OneStop.Infrastructure.Data.OneStopDbContext db,
    IOptions<NationalIdentityOptions> options,
    OneStop.Web.Security.MailThrottle mails)
{
    public const string IdentityNumberTaken =
        "Số định danh cá nhân của bạn đã gắn với một tài khoản OneStop khác, nên không thể tạo hoặc liên kết thêm tài khoản. " +
        "Hãy đăng nhập bằng tài khoản đó, hoặc liên hệ Bộ phận một cửa để được hỗ trợ.";

    public const string OfficialsRefused =
        "Tài khoản cán bộ, công chức và quản trị hệ thống không đăng nhập bằng định danh điện tử. " +
        "Vui lòng đăng nhập bằng e-mail, mật khẩu và mã xác thực hai lớp.";

    public const string OtherIdentityNumber =
        "Tài khoản có địa chỉ e-mail này đã ghi một số định danh cá nhân khác, nên không liên kết được. " +
        "Vui lòng liên hệ Bộ phận một cửa để được hỗ trợ.";

    public const string NoIdentityNumber =
        "Nhà cung cấp định danh điện tử không trả về số định danh cá nhân hợp lệ, nên không đăng nhập được. Vui lòng thử lại sau.";

    public const string Unavailable =
        "Đăng nhập bằng định danh điện tử không thành công hoặc đã bị hủy. Vui lòng thử lại.";

    public const string AccountClosed =
        "Tài khoản này đã ngừng hoạt động. Vui lòng liên hệ Bộ phận một cửa.";

    public const string LinkInvalid =
        "Liên kết đã hết hạn hoặc không hợp lệ. Hãy đăng nhập bằng định danh điện tử lần nữa để nhận thư mới.";

    private static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    private UserManager<OneStopUser> Users => signIn.UserManager;

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("OneStop.NationalIdentity.Link").ToTimeLimitedDataProtector();

    /// <summary>The provider's identity of the external sign-in in progress, or null when there is none or it lacks an identity number.</summary>
    public async Task<(ExternalLoginInfo? Info, NationalIdentity? Identity)> CurrentAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        return info is null || info.LoginProvider != NationalIdentityOptions.Scheme ? (null, null) : (info, Read(info.Principal, info.ProviderKey));
    }

    /// <summary>What the challenge carries for Identity's external sign-in, returning to the local path.</summary>
    public AuthenticationProperties ChallengeProperties(string redirectPath) =>
        signIn.ConfigureExternalAuthenticationProperties(NationalIdentityOptions.Scheme, redirectPath);

    /// <summary>Drops the short-lived external cookie holding the provider's claims.</summary>
    public Task ForgetAsync() => signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);

    /// <summary>Reads the configured claims; null when the identity number is missing or not 9 or 12 digits.</summary>
    public NationalIdentity? Read(ClaimsPrincipal principal, string subject)
    {
        var names = options.Value.Claims;
        var number = Text.CleanOrNull(principal.FindFirstValue(names.IdentityNumber));
        if (number is null || number.Length is not (9 or 12) || !number.All(char.IsAsciiDigit))
        {
            return null;
        }

        var emailAddress = Text.CleanOrNull(principal.FindFirstValue(names.Email));
        var verified = string.Equals(principal.FindFirstValue(names.EmailVerified), "true", StringComparison.OrdinalIgnoreCase);
        return new NationalIdentity(subject, number, Text.CleanOrNull(principal.FindFirstValue(names.FullName)) ?? string.Empty,
            emailAddress, verified && emailAddress is not null);
    }

    /// <summary>Signs the person in to the account bound to the provider's subject, linking or creating it on the first sign-in.</summary>
    public async Task<NationalIdentityOutcome> SignInAsync(NationalIdentity identity, CancellationToken cancellationToken)
    {
        var user = await Users.FindByLoginAsync(NationalIdentityOptions.Scheme, identity.Subject);
        if (user is null)
        {
            if (!identity.EmailVerified)
            {
                return new NationalIdentityOutcome.NeedsEmail(identity.Email);
            }

            var bound = await BindAsync(identity, identity.Email!, cancellationToken);
            if (bound.Refusal is { } refusal)
            {
                return new NationalIdentityOutcome.Refused(refusal);
            }

            user = bound.User!;
        }
        else if (await RefusalAsync(user, identity, cancellationToken) is { } refusal)
        {
            return new NationalIdentityOutcome.Refused(refusal);
        }

        await signIn.SignOutAsync();
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: NationalIdentityOptions.Scheme);
        return new NationalIdentityOutcome.SignedIn();
    }

    /// <summary>
    /// Mails the address a link that binds the identity to it when opened (the address's owner proves it by opening the link). The answer
    /// is the same whether or not the address has an account; the link itself refuses what <see cref="SignInAsync"/> would refuse.
    /// </summary>
    public async Task SendLinkAsync(NationalIdentity identity, string emailAddress, CancellationToken cancellationToken)
    {
        var address = emailAddress.Trim();
        if (!mails.TryTake("national-identity", address))
        {
            return;
        }

        var payload = JsonSerializer.Serialize(identity with { Email = address, EmailVerified = false });
        var code = Protector.Protect(payload, LinkLifetime);
        var link = links.To("/Account/ConfirmExternalLogin", [new("code", code)]);
        var name = HtmlEncoder.Default.Encode(identity.FullName);
        // The same answer whether or not the mail server took it (a different one would tell whether the address has an account).
        await email.TrySendAsync(address, "Xác nhận e-mail để đăng nhập bằng định danh điện tử — OneStop",
            $"<p>Xin chào {name},</p>" +
            "<p>Để dùng địa chỉ e-mail này với tài khoản OneStop đăng nhập bằng định danh điện tử, " +
            $"<a href=\"{HtmlEncoder.Default.Encode(link)}\">bấm vào đây</a> trong vòng 24 giờ.</p>" +
            $"<p>Liên kết: {HtmlEncoder.Default.Encode(link)}</p>" +
            "<p>Nếu không phải bạn, hãy bỏ qua thư này.</p>",
            "national-identity-link", cancellationToken);
    }

    /// <summary>Opens a mailed link: binds the identity to the address's account, or creates it; null when done, else the refusal.</summary>
    public async Task<string?> ConfirmLinkAsync(string code, CancellationToken cancellationToken)
    {
        NationalIdentity? identity;
        try
        {
            identity = JsonSerializer.Deserialize<NationalIdentity>(Protector.Unprotect(code));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return LinkInvalid;
        }

        if (identity?.Email is null)
        {
            return LinkInvalid;
        }

        if (await Users.FindByLoginAsync(NationalIdentityOptions.Scheme, identity.Subject) is { } existing)
        {
            // Opened twice, or bound since: fine when it is this address's account.
            return string.Equals(existing.Email, identity.Email, StringComparison.OrdinalIgnoreCase) ? null : IdentityNumberTaken;
        }

        return (await BindAsync(identity, identity.Email, cancellationToken)).Refusal;
    }

    /// <summary>Links the identity to the account with the (proven) address, or creates a citizen account for it.</summary>
    private async Task<(OneStopUser? User, string? Refusal)> BindAsync(NationalIdentity identity, string address, CancellationToken cancellationToken)
    {
        var user = await Users.FindByEmailAsync(address);
        if (user is null)
        {
            if (await HeldByAnotherAsync(identity.IdentityNumber, except: null, cancellationToken))
            {
                return (null, IdentityNumberTaken);
            }

            try
            {
                user = await provisioner.CreateAsync(
                    new NewUser(address, identity.FullName.Length > 0 ? identity.FullName : address, Roles.Citizen,
                        IdNumber: identity.IdentityNumber, EmailConfirmed: true),
                    cancellationToken);
            }
            catch (ConflictException ex) when (ex.Code == "user.exists")
            {
                user = await Users.FindByEmailAsync(address);
                if (user is null)
                {
                    return (null, Unavailable);
                }
            }
        }

        if (await RefusalAsync(user, identity, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        if ((await Users.GetLoginsAsync(user)).Any(l => l.LoginProvider == NationalIdentityOptions.Scheme && l.ProviderKey != identity.Subject))
        {
            return (null, IdentityNumberTaken);
        }

        if (!(await Users.GetLoginsAsync(user)).Any(l => l.LoginProvider == NationalIdentityOptions.Scheme))
        {
            var added = await Users.AddLoginAsync(user, new UserLoginInfo(NationalIdentityOptions.Scheme, identity.Subject, options.Value.DisplayName));
            if (!added.Succeeded)
            {
                return (null, IdentityNumberTaken);
            }
        }

        // The provider's identity number and verified name are the account's from now on; the address is proven.
        user.IdNumber = identity.IdentityNumber;
        if (identity.FullName.Length > 0)
        {
            user.FullName = identity.FullName;
        }

        if (!user.EmailConfirmed && user.PasswordHash is not null)
        {
            // Whoever registered this unconfirmed account never proved the address: their password must not open the account the
            // address's owner now takes over (they can set one with "Quên mật khẩu").
            user.PasswordHash = null;
            await Users.UpdateSecurityStampAsync(user);
        }

        user.EmailConfirmed = true;
        var updated = await Users.UpdateAsync(user);
        return updated.Succeeded ? (user, null) : (null, Unavailable);
    }

    /// <summary>Why this account may not be signed in to or bound with this identity, or null.</summary>
    private async Task<string?> RefusalAsync(OneStopUser user, NationalIdentity identity, CancellationToken cancellationToken)
    {
        var roles = await Users.GetRolesAsync(user);
        if (roles.Any(r => r != Roles.Citizen) || !roles.Contains(Roles.Citizen))
        {
            return OfficialsRefused;
        }

        if (!user.IsActive)
        {
            return AccountClosed;
        }

        if (user.IdNumber is { } held && held != identity.IdentityNumber)
        {
            return OtherIdentityNumber;
        }

        return await HeldByAnotherAsync(identity.IdentityNumber, except: user.Id, cancellationToken) ? IdentityNumberTaken : null;
    }

    /// <summary>
    /// Whether another account holds this identity number as the provider vouched for it (bound to a national identity). A number someone
    /// merely typed when registering with a password proves nothing: it must not let anyone who knows a citizen's number (it is printed on
    /// their card) keep that citizen out of their own sign-in.
    /// </summary>
    private Task<bool> HeldByAnotherAsync(string identityNumber, Guid? except, CancellationToken cancellationToken) =>
        Users.Users.AnyAsync(u => u.IdNumber == identityNumber && u.Id != except
            && db.UserLogins.Any(l => l.UserId == u.Id && l.LoginProvider == NationalIdentityOptions.Scheme), cancellationToken);
}
