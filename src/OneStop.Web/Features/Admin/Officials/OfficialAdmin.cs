using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Officials;

namespace OneStop.Web.Features.Admin.Officials;

/// <summary>
/// Officials' accounts: invite (they choose their own password from a link), give a role and a place, move, deactivate (their
/// open tasks are flagged for reassignment) and reset two-factor sign-in.
/// </summary>
public sealed class OfficialAdmin(OneStopDbContext db, UserManager<OneStopUser> users, UserProvisioner provisioner, Accounts.AccountMail email,
    OneStop.Infrastructure.Links.PublicLinks links, TimeProvider clock)
{
    /// <summary>Roles an administrator gives to staff.</summary>
    public static IReadOnlyList<string> StaffRoles { get; } = [Roles.Reception, Roles.Specialist, Roles.Leader, Roles.Admin];

    public sealed record Row(Guid Id, string FullName, string Email, string Role, string? Agency, string? Department, bool IsActive,
        bool Invited, bool TwoFactor, int Flagged);

    public async Task<IReadOnlyList<Row>> ListAsync(string? q, Guid? agencyId, CancellationToken cancellationToken)
    {
        var query = from u in db.Users.AsNoTracking()
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    where r.Name != Roles.Citizen
                    select new { u, Role = r.Name! };
        foreach (var word in Text.Clean(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
        {
            var pattern = SearchText.Contains(word);
            query = query.Where(x => EF.Functions.Like(SearchText.Normalize(x.u.FullName), SearchText.Normalize(pattern))
                || EF.Functions.ILike(x.u.Email!, pattern));
        }

        if (agencyId is { } a)
        {
            query = query.Where(x => x.u.AgencyId == a);
        }

        return await query.OrderBy(x => x.u.AgencyId).ThenBy(x => x.u.FullName).Take(300)
            .Select(x => new Row(x.u.Id, x.u.FullName, x.u.Email!, x.Role,
                db.Agencies.Where(g => g.Id == x.u.AgencyId).Select(g => g.Name).FirstOrDefault(),
                db.Departments.Where(d => d.Id == x.u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                x.u.IsActive, !x.u.EmailConfirmed, x.u.TwoFactorEnabled,
                db.TaskReassignments.Count(f => f.FormerAssignee == x.u.Id.ToString()
                    && db.WorkflowTasks.Any(t => t.Id == f.TaskId && t.AssignedTo == f.FormerAssignee))))
            .ToListAsync(cancellationToken);
    }

    public async Task<(OneStopUser User, string Role)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return null;
        }

        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? string.Empty;
        return role == Roles.Citizen ? null : (user, role);
    }

    /// <summary>Creates the account without a password and e-mails a link where the official chooses one.</summary>
    public async Task<OneStopUser> InviteAsync(OfficialInput input, CancellationToken cancellationToken)
    {
        var address = Text.Clean(input.Email);
        if (address.Length == 0 || !new EmailAddressAttribute().IsValid(address))
        {
            throw new DomainException("official.email_invalid", "Vui lòng nhập địa chỉ e-mail hợp lệ của cán bộ.");
        }

        if (Text.Clean(input.FullName).Length == 0)
        {
            throw new DomainException("official.name_required", "Vui lòng nhập họ tên cán bộ.");
        }

        var role = RoleOf(input.Role);
        var (agency, department) = await PlaceAsync(role, input.AgencyId, input.DepartmentId, cancellationToken);
        var user = await provisioner.CreateAsync(new NewUser(address, input.FullName!, role, agency, department,
            Phone: VietnameseFormats.NormalizePhone(input.Phone)), cancellationToken);
        await SendInviteAsync(user, cancellationToken);
        return user;
    }

    public async Task SendInviteAsync(OneStopUser user, CancellationToken cancellationToken)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = links.To("/Account/ResetPassword", [new("email", user.Email), new("code", code)]);
        var encoded = HtmlEncoder.Default.Encode(link);
        if (!await email.TrySendAsync(user.Email!, "Mời tham gia hệ thống một cửa điện tử — OneStop",
                $"<p>Xin chào {HtmlEncoder.Default.Encode(user.FullName)},</p>" +
                "<p>Quản trị viên đã tạo tài khoản cán bộ cho bạn trên hệ thống một cửa điện tử.</p>" +
                $"<p>Hãy <a href=\"{encoded}\">đặt mật khẩu của bạn</a> để đăng nhập. Liên kết: {encoded}</p>" +
                "<p>Liên kết chỉ dùng được một lần.</p>",
                "invitation", cancellationToken))
        {
            // The account stands; the administrator sends the invitation again from the official's page once the mail server is back.
            throw new Accounts.MailUnavailableException(
                $"Đã lưu tài khoản cán bộ {user.Email} nhưng máy chủ thư chưa nhận thư mời. Hãy bấm \"Gửi lại thư mời\" trên trang của cán bộ sau ít phút.");
        }
    }

    /// <summary>Gives the official a role and a place; tasks they still hold in their old place are flagged for reassignment.</summary>
    public async Task AssignAsync(Guid id, OfficialInput input, string? by, CancellationToken cancellationToken)
    {
        var (user, current) = await FindAsync(id, cancellationToken) ?? throw new NotFoundException("Không có cán bộ này.");
        var role = RoleOf(input.Role);
        var (agencyCode, departmentCode) = await PlaceAsync(role, input.AgencyId, input.DepartmentId, cancellationToken);
        var moved = user.AgencyId != input.AgencyId || user.DepartmentId != input.DepartmentId || current != role;
        if (!moved)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await FlagOpenTasksAsync(user, "moved", by, cancellationToken);
        user.AgencyId = agencyCode is null ? null : input.AgencyId;
        user.DepartmentId = departmentCode is null ? null : input.DepartmentId;
        Check(await users.UpdateAsync(user));
        if (current != role)
        {
            if (current.Length > 0)
            {
                Check(await users.RemoveFromRoleAsync(user, current));
            }

            Check(await users.AddToRoleAsync(user, role));
        }

        Check(await users.UpdateSecurityStampAsync(user)); // the new place and role take effect at once, in every session
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deactivates the account (history kept, sign-in refused) and flags the tasks assigned to it.</summary>
    public async Task DeactivateAsync(Guid id, string? by, CancellationToken cancellationToken)
    {
        var (user, _) = await FindAsync(id, cancellationToken) ?? throw new NotFoundException("Không có cán bộ này.");
        if (user.Email == by)
        {
            throw new DomainException("official.self", "Bạn không thể tự vô hiệu hóa tài khoản của mình.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await FlagOpenTasksAsync(user, "deactivated", by, cancellationToken);
        user.IsActive = false;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ReactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        var (user, _) = await FindAsync(id, cancellationToken) ?? throw new NotFoundException("Không có cán bộ này.");
        user.IsActive = true;
        Check(await users.UpdateAsync(user));
    }

    /// <summary>Turns two-factor sign-in off and forgets the authenticator key, for an official who lost their phone.</summary>
    public async Task ResetTwoFactorAsync(Guid id, CancellationToken cancellationToken)
    {
        var (user, _) = await FindAsync(id, cancellationToken) ?? throw new NotFoundException("Không có cán bộ này.");
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public sealed record AgencyChoice(Guid Id, string Name, bool Active);

    public sealed record DepartmentChoice(Guid Id, Guid AgencyId, string Name);

    public Task<List<AgencyChoice>> AgenciesAsync(CancellationToken cancellationToken) =>
        db.Agencies.AsNoTracking().OrderBy(a => a.ClosedOn != null).ThenBy(a => a.Kind).ThenBy(a => a.Code)
            .Select(a => new AgencyChoice(a.Id, a.Name, a.ClosedOn == null)).ToListAsync(cancellationToken);

    public Task<List<DepartmentChoice>> DepartmentsAsync(CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentChoice(d.Id, d.AgencyId, d.Name)).ToListAsync(cancellationToken);

    private async Task FlagOpenTasksAsync(OneStopUser user, string reason, string? by, CancellationToken cancellationToken)
    {
        var userId = user.Id.ToString();
        var tasks = await db.WorkflowTasks.AsNoTracking().Where(t => t.AssignedTo == userId).ToListAsync(cancellationToken);
        var already = await db.TaskReassignments.Where(f => f.FormerAssignee == userId).Select(f => f.TaskId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.TaskReassignments.AddRange(tasks.Where(t => !already.Contains(t.Id)).Select(t => new TaskReassignment
        {
            TaskId = t.Id, InstanceId = t.InstanceId, DossierId = t.DossierCode, StepId = t.StepId, Role = t.Role, Agency = t.Agency,
            Department = t.Department, FormerAssignee = userId, FormerAssigneeName = user.FullName, Reason = reason, FlaggedAt = now, FlaggedBy = by,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string RoleOf(string? role) => role is not null && StaffRoles.Contains(role)
        ? role
        : throw new DomainException("official.role_invalid", "Vui lòng chọn vai trò: cán bộ một cửa, chuyên viên, lãnh đạo hoặc quản trị hệ thống.");

    /// <summary>Checks the place and returns its codes; officials need an open agency and one of its departments.</summary>
    private async Task<(string? Agency, string? Department)> PlaceAsync(string role, Guid? agencyId, Guid? departmentId, CancellationToken cancellationToken)
    {
        if (agencyId is null)
        {
            return Roles.IsOfficial(role)
                ? throw new DomainException("official.agency_required", "Cán bộ phải thuộc một cơ quan: vui lòng chọn cơ quan.")
                : (null, null);
        }

        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken)
            ?? throw new DomainException("official.agency_unknown", "Cơ quan đã chọn không tồn tại.");
        if (!agency.IsActive)
        {
            throw new DomainException("official.agency_closed", $"{agency.Name} đã giải thể; hãy chọn cơ quan kế thừa.");
        }

        if (departmentId is null)
        {
            return Roles.IsOfficial(role)
                ? throw new DomainException("official.department_required", "Cán bộ phải thuộc một phòng ban: vui lòng chọn phòng ban.")
                : (agency.Code, null);
        }

        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == departmentId && d.AgencyId == agency.Id, cancellationToken)
            ?? throw new DomainException("official.department_mismatch", $"Phòng ban đã chọn không thuộc {agency.Name}.");
        return (agency.Code, department.Code);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException("official.invalid", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
