using OneStop.Core.Organisation;

namespace OneStop.Web.Features.Admin.Organisation;

/// <summary>What the agency form posts.</summary>
public sealed class AgencyInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Identifier { get; set; }

    public AgencyKind Kind { get; set; } = AgencyKind.Commune;

    public Guid? ParentId { get; set; }
}
