using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Identity;

/// <summary>Creates accounts with their role and place in the organisation, checking that the place exists.</summary>
public sealed class UserProvisioner(OneStopDbContext db, UserManager<OneStopUser> users, TimeProvider clock)
{
    public async Task<OneStopUser> CreateAsync(NewUser request, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(request.Role))
        {
            throw new DomainException("user.role_unknown", $"Vai trò '{request.Role}' không tồn tại. Các vai trò: {string.Join(", ", Roles.All)}.");
        }

        var (agencyId, departmentId) = await ResolvePlaceAsync(request, cancellationToken);
        if (await users.FindByEmailAsync(request.Email) is not null)
        {
            throw new ConflictException("user.exists", $"Đã có tài khoản với e-mail {request.Email}.");
        }

        var user = new OneStopUser
        {
            Id = Guid.NewGuid(),
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = request.EmailConfirmed,
            FullName = Text.Clean(request.FullName),
            IdNumber = Text.CleanOrNull(request.IdNumber),
            PhoneNumber = Text.CleanOrNull(request.Phone),
            Address = Text.CleanOrNull(request.Address),
            AgencyId = agencyId,
            DepartmentId = departmentId,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow(),
        };

        var created = request.Password is null
            ? await users.CreateAsync(user)
            : await users.CreateAsync(user, request.Password);
        ThrowIfFailed(created);
        ThrowIfFailed(await users.AddToRoleAsync(user, request.Role));
        return user;
    }

    private async Task<(Guid? Agency, Guid? Department)> ResolvePlaceAsync(NewUser request, CancellationToken cancellationToken)
    {
        var needsPlace = Roles.IsOfficial(request.Role);
        if (request.AgencyCode is null)
        {
            return needsPlace
                ? throw new DomainException("user.agency_required", "Cán bộ phải thuộc một cơ quan và một phòng ban (--agency, --department).")
                : (null, null);
        }

        var agencyCode = request.AgencyCode.Trim().ToUpperInvariant();
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode, cancellationToken)
            ?? throw new DomainException("user.agency_unknown", $"Không có cơ quan mã '{request.AgencyCode}'.");
        if (request.DepartmentCode is null)
        {
            return needsPlace
                ? throw new DomainException("user.department_required", "Cán bộ phải thuộc một phòng ban (--department).")
                : (agency.Id, null);
        }

        var departmentCode = request.DepartmentCode.Trim().ToUpperInvariant();
        var department = await db.Departments.AsNoTracking()
            .SingleOrDefaultAsync(d => d.AgencyId == agency.Id && d.Code == departmentCode, cancellationToken)
            ?? throw new DomainException("user.department_unknown", $"Cơ quan {agency.Code} không có phòng ban mã '{request.DepartmentCode}'.");
        return (agency.Id, department.Id);
    }

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException("user.invalid", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
