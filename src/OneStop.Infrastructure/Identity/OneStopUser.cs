using Microsoft.AspNetCore.Identity;

namespace OneStop.Infrastructure.Identity;

/// <summary>A person who signs in: a citizen, an official or an administrator.</summary>
public sealed class OneStopUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>CCCD (12 digits) or CMND (9 digits), kept as text because leading zeros matter.</summary>
    public string? IdNumber { get; set; }

    public string? Address { get; set; }

    public Guid? AgencyId { get; set; }

    public Guid? DepartmentId { get; set; }

    /// <summary>The title an official signs under (chức danh ký), e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"; one line per printed line.</summary>
    public string? Position { get; set; }

    /// <summary>Deactivated accounts keep their history but cannot sign in.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
