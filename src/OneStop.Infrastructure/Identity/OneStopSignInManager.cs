using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in manager with one addition: finishing a sign-in whose password the caller has just verified. Identity's
/// <c>PasswordSignInAsync</c> verifies the password again — a second PBKDF2 derivation (100,000 rounds), which doubled the CPU of
/// every sign-in (the work an attacker can make the server do per guess, and a busy morning's sign-ins).
/// </summary>
public sealed class OneStopSignInManager(
    UserManager<OneStopUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<OneStopUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<OneStopUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<OneStopUser> confirmation)
    : SignInManager<OneStopUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>
    /// What <c>PasswordSignInAsync</c> does once the password matched — the account may sign in (confirmed, not locked), its failed
    /// second-factor count is cleared unless a second factor is still to come, then the cookie or token is issued or the second
    /// step begins — without checking the password again. Call it only right after <c>UserManager.CheckPasswordAsync</c> succeeded.
    /// </summary>
    public async Task<SignInResult> SignInWithCheckedPasswordAsync(OneStopUser user, bool isPersistent)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await PreSignInCheck(user) is { } refused)
        {
            return refused;
        }

        if (UserManager.SupportsUserLockout && (!await IsTwoFactorEnabledAsync(user) || await IsTwoFactorClientRememberedAsync(user)))
        {
            // As Identity does: a reset that fails (another request changed the account meanwhile) is a failed sign-in, so that
            // racing requests cannot wipe the count of wrong codes.
            if (!(await UserManager.ResetAccessFailedCountAsync(user)).Succeeded)
            {
                return SignInResult.Failed;
            }
        }

        return await SignInOrTwoFactorAsync(user, isPersistent);
    }
}
