using OneStop.Core.Common;

namespace OneStop.Core.Organisation;

/// <summary>A desk of a one-stop unit (quầy tiếp nhận và trả kết quả), e.g. "Quầy số 1 — Đường bộ".</summary>
public sealed class ServiceCounter
{
    private ServiceCounter()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public ServiceCounter(Guid departmentId, string code, string name, string? location)
    {
        Id = Guid.NewGuid();
        DepartmentId = departmentId;
        Code = Guard.Code(code, nameof(code));
        Name = Required(name);
        Location = Text.CleanOrNull(location);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>The one-stop unit the desk belongs to.</summary>
    public Guid DepartmentId { get; private set; }

    /// <summary>Code unique inside the unit, e.g. Q01.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>Where the desk is, as shown to citizens (building, floor).</summary>
    public string? Location { get; private set; }

    public bool IsActive { get; private set; }

    public void Update(string name, string? location, bool isActive)
    {
        Name = Required(name);
        Location = Text.CleanOrNull(location);
        IsActive = isActive;
    }

    private static string Required(string name) => Text.Clean(name) is { Length: > 0 } clean
        ? clean
        : throw new DomainException("counter.name_required", "Vui lòng nhập tên quầy.");
}
