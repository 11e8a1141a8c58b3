using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Identity;

/// <summary>
/// What an account is now (security stamp, active flag, roles, place, two-factor), read from the database for every signed-in
/// request and kept a few seconds per host (Security:AccountRecheckSeconds, 10 by default); a change made through this host's
/// <see cref="UserManager{TUser}"/> forgets the account at once, so a deactivated or moved official is refused on the next request
/// here and within those seconds on other hosts.
/// </summary>
public sealed class AccountStates(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, IOptions<IdentityOptions> identity)
{
    private const int MaxEntries = 50_000;
    private readonly ConcurrentDictionary<Guid, (AccountState? State, DateTimeOffset ReadAt)> _cache = new();

    private TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Security:AccountRecheckSeconds", 10), 0, 300));

    /// <summary>The account now; null when it no longer exists.</summary>
    public async Task<AccountState?> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && now - cached.ReadAt < Lifetime)
        {
            return cached.State;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp, u.IsActive, u.AgencyId, u.DepartmentId, u.TwoFactorEnabled,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var state = row is null ? null
            : new AccountState(row.SecurityStamp, row.IsActive, row.AgencyId, row.DepartmentId, row.TwoFactorEnabled, [.. row.Roles.Order(StringComparer.Ordinal)]);
        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[userId] = (state, now);
        return state;
    }

    /// <summary>Whether a signed-in principal (cookie or bearer token) still speaks for the account as it is now.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var options = identity.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(options.UserIdClaimType), out var userId)
            || await GetAsync(userId, cancellationToken) is not { IsActive: true } state)
        {
            return false;
        }

        var roles = principal.FindAll(options.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        return string.Equals(principal.FindFirstValue(options.SecurityStampClaimType), state.SecurityStamp, StringComparison.Ordinal)
            && roles.SequenceEqual(state.Roles, StringComparer.Ordinal)
            && principal.FindFirstValue(OneStopClaimsFactory.AgencyClaim) == state.AgencyId?.ToString()
            && principal.FindFirstValue(OneStopClaimsFactory.DepartmentClaim) == state.DepartmentId?.ToString();
    }

    /// <summary>Forgets what was read about the account (after a change on this host).</summary>
    public void Forget(Guid userId) => _cache.TryRemove(userId, out _);
}

/// <summary>An account as the database holds it now.</summary>
public sealed record AccountState(string? SecurityStamp, bool IsActive, Guid? AgencyId, Guid? DepartmentId, bool TwoFactorEnabled,
    IReadOnlyList<string> Roles);
