using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.Identity;

/// <summary>Identity's user manager; every change it saves (stamp, role, place, two-factor, active flag) is re-read on the next request.</summary>
public sealed class OneStopUserManager(
    IUserStore<OneStopUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<OneStopUser> passwordHasher,
    IEnumerable<IUserValidator<OneStopUser>> userValidators, IEnumerable<IPasswordValidator<OneStopUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<OneStopUser>> logger,
    AccountStates accounts)
    : UserManager<OneStopUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(OneStopUser user)
    {
        var result = await base.UpdateUserAsync(user);
        accounts.Forget(user.Id);
        return result;
    }
}
