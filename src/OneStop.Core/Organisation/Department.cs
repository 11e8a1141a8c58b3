using OneStop.Core.Common;

namespace OneStop.Core.Organisation;

/// <summary>A unit inside an agency (phòng, bộ phận), such as its one-stop counter.</summary>
public sealed class Department
{
    private Department()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Department(Guid agencyId, string code, string name, bool isReception)
    {
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        Code = Guard.Code(code, nameof(code));
        Name = Text.Clean(name);
        IsReception = isReception;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>Code unique inside the agency, e.g. MOTCUA for the one-stop counter.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>Whether this unit is the one-stop counter (Bộ phận Tiếp nhận và Trả kết quả).</summary>
    public bool IsReception { get; private set; }

    public void Rename(string name) => Name = Text.Clean(name);

    /// <summary>Renames the unit and sets whether it is the agency's one-stop counter.</summary>
    public void Update(string name, bool isReception)
    {
        Name = Text.Clean(name);
        IsReception = isReception;
    }
}
