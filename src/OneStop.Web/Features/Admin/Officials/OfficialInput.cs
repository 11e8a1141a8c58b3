namespace OneStop.Web.Features.Admin.Officials;

/// <summary>What the invite and assignment forms post.</summary>
public sealed class OfficialInput
{
    public string? Email { get; set; }

    public string? FullName { get; set; }

    public string? Phone { get; set; }

    public string? Role { get; set; }

    public Guid? AgencyId { get; set; }

    public Guid? DepartmentId { get; set; }
}
