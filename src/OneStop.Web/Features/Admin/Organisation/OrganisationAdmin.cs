using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Organisation;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Features.Admin.Organisation;

/// <summary>
/// Agencies (a tree, closed with a successor so history stays), their departments and one-stop desks. Every change is audited by
/// the SaveChanges interceptor; closed agencies are kept and simply no longer offered for new dossiers.
/// </summary>
public sealed class OrganisationAdmin(OneStopDbContext db)
{
    public sealed record TreeRow(Agency Agency, int Depth, string? ParentName, string? SuccessorName, int Departments, int Officials);

    /// <summary>The agencies depth-first from the roots, each with its children sorted by kind and code.</summary>
    public async Task<IReadOnlyList<TreeRow>> TreeAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var departments = await db.Departments.GroupBy(d => d.AgencyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var officials = await db.Users.Where(u => u.AgencyId != null && u.IsActive).GroupBy(u => u.AgencyId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var byId = agencies.ToDictionary(a => a.Id);
        var children = agencies.ToLookup(a => a.ParentId is { } p && byId.ContainsKey(p) ? p : (Guid?)null);
        var rows = new List<TreeRow>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var a in children[parent].OrderBy(a => a.ClosedOn is not null).ThenBy(a => a.Kind).ThenBy(a => a.Code, StringComparer.Ordinal))
            {
                rows.Add(new TreeRow(a, depth, a.ParentId is { } p && byId.TryGetValue(p, out var pa) ? pa.Name : null,
                    a.SuccessorId is { } s && byId.TryGetValue(s, out var sa) ? sa.Name : null,
                    departments.GetValueOrDefault(a.Id), officials.GetValueOrDefault(a.Id)));
                if (depth < 10)
                {
                    Walk(a.Id, depth + 1);
                }
            }
        }

        Walk(null, 0);
        return rows;
    }

    public Task<Agency?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<Agency> CreateAgencyAsync(AgencyInput input, CancellationToken cancellationToken)
    {
        var (name, identifier) = Required(input);
        var code = Text.Clean(input.Code);
        if (code.Length == 0)
        {
            throw new DomainException("agency.code_required", "Vui lòng nhập mã cơ quan.");
        }

        var agency = new Agency(code, name, identifier, input.Kind, await ParentAsync(null, input.ParentId, cancellationToken));
        if (await db.Agencies.AnyAsync(a => a.Code == agency.Code, cancellationToken))
        {
            throw new ConflictException("agency.code_taken", $"Mã cơ quan {agency.Code} đã được dùng (kể cả cơ quan đã giải thể).");
        }

        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return agency;
    }

    public async Task UpdateAgencyAsync(Guid id, AgencyInput input, CancellationToken cancellationToken)
    {
        var agency = await TrackedAsync(id, cancellationToken);
        var (name, identifier) = Required(input);
        agency.Update(name, identifier, input.Kind, await ParentAsync(id, input.ParentId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Closes an agency from a date naming its successor (e.g. communes merged on 1 July 2025); its dossiers and history stay.</summary>
    public async Task CloseAgencyAsync(Guid id, DateOnly? closedOn, Guid? successorId, CancellationToken cancellationToken)
    {
        var agency = await TrackedAsync(id, cancellationToken);
        if (closedOn is null)
        {
            throw new DomainException("agency.closed_on_required", "Vui lòng nhập ngày giải thể (sáp nhập).");
        }

        Agency? successor = null;
        if (successorId is { } s)
        {
            successor = await db.Agencies.SingleOrDefaultAsync(a => a.Id == s, cancellationToken)
                ?? throw new DomainException("agency.successor_unknown", "Cơ quan kế thừa không tồn tại.");
        }

        agency.Close(closedOn.Value, successor);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<Department>> DepartmentsAsync(Guid agencyId, CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().Where(d => d.AgencyId == agencyId).OrderByDescending(d => d.IsReception).ThenBy(d => d.Code)
            .ToListAsync(cancellationToken);

    public async Task<Department> CreateDepartmentAsync(Guid agencyId, string? code, string? name, bool isReception, CancellationToken cancellationToken)
    {
        var agency = await TrackedAsync(agencyId, cancellationToken);
        if (!agency.IsActive)
        {
            throw new DomainException("department.agency_closed", $"Cơ quan {agency.Name} đã giải thể, không thêm phòng ban được.");
        }

        var department = new Department(agencyId, Required(code, "department.code_required", "Vui lòng nhập mã phòng ban."),
            Required(name, "department.name_required", "Vui lòng nhập tên phòng ban."), isReception);
        if (await db.Departments.AnyAsync(d => d.AgencyId == agencyId && d.Code == department.Code, cancellationToken))
        {
            throw new ConflictException("department.code_taken", $"Cơ quan {agency.Code} đã có phòng ban mã {department.Code}.");
        }

        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        return department;
    }

    public async Task UpdateDepartmentAsync(Guid id, string? name, bool isReception, CancellationToken cancellationToken)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException("Không có phòng ban này.");
        if (!isReception && department.IsReception && await db.ServiceCounters.AnyAsync(c => c.DepartmentId == id && c.IsActive, cancellationToken))
        {
            throw new DomainException("department.has_counters", "Bộ phận còn quầy một cửa đang hoạt động; hãy ngừng các quầy trước.");
        }

        department.Update(Required(name, "department.name_required", "Vui lòng nhập tên phòng ban."), isReception);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<ServiceCounter>> CountersAsync(Guid agencyId, CancellationToken cancellationToken) =>
        (from c in db.ServiceCounters.AsNoTracking()
         join d in db.Departments on c.DepartmentId equals d.Id
         where d.AgencyId == agencyId
         orderby c.Code
         select c).ToListAsync(cancellationToken);

    public async Task<ServiceCounter> CreateCounterAsync(Guid departmentId, string? code, string? name, string? location,
        CancellationToken cancellationToken)
    {
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == departmentId, cancellationToken)
            ?? throw new DomainException("counter.department_unknown", "Vui lòng chọn bộ phận một cửa của quầy.");
        if (!department.IsReception)
        {
            throw new DomainException("counter.not_reception", $"{department.Name} không phải Bộ phận một cửa; quầy chỉ thuộc Bộ phận một cửa.");
        }

        var counter = new ServiceCounter(departmentId, Required(code, "counter.code_required", "Vui lòng nhập mã quầy."), name ?? string.Empty, location);
        if (await db.ServiceCounters.AnyAsync(c => c.DepartmentId == departmentId && c.Code == counter.Code, cancellationToken))
        {
            throw new ConflictException("counter.code_taken", $"Bộ phận đã có quầy mã {counter.Code}.");
        }

        db.ServiceCounters.Add(counter);
        await db.SaveChangesAsync(cancellationToken);
        return counter;
    }

    public async Task UpdateCounterAsync(Guid id, string? name, string? location, bool isActive, CancellationToken cancellationToken)
    {
        var counter = await db.ServiceCounters.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Không có quầy này.");
        counter.Update(name ?? string.Empty, location, isActive);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Agency> TrackedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("Không có cơ quan này.");

    /// <summary>Checks the parent exists, is open and is not the agency itself or one of its descendants.</summary>
    private async Task<Guid?> ParentAsync(Guid? self, Guid? parentId, CancellationToken cancellationToken)
    {
        if (parentId is null)
        {
            return null;
        }

        var all = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.ClosedOn, a.Name }).ToDictionaryAsync(a => a.Id, cancellationToken);
        if (!all.TryGetValue(parentId.Value, out var parent))
        {
            throw new DomainException("agency.parent_unknown", "Cơ quan cấp trên không tồn tại.");
        }

        if (parent.ClosedOn is not null)
        {
            throw new DomainException("agency.parent_closed", $"Cơ quan cấp trên {parent.Name} đã giải thể.");
        }

        Guid? at = parentId;
        for (var steps = 0; at is { } current && steps <= all.Count; steps++)
        {
            if (current == self)
            {
                throw new DomainException("agency.parent_cycle", "Không thể đặt cơ quan cấp trên là chính cơ quan này hoặc một cơ quan trực thuộc nó.");
            }

            at = all.TryGetValue(current, out var node) ? node.ParentId : null;
        }

        return parentId;
    }

    private static (string Name, string Identifier) Required(AgencyInput input) =>
        (Required(input.Name, "agency.name_required", "Vui lòng nhập tên cơ quan."),
         Required(input.Identifier, "agency.identifier_required", "Vui lòng nhập mã định danh điện tử của cơ quan (ví dụ 000.00.00.H39)."));

    private static string Required(string? value, string code, string message) =>
        Text.Clean(value) is { Length: > 0 } clean ? clean : throw new DomainException(code, message);
}
