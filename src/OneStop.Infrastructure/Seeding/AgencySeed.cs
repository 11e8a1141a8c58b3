using OneStop.Core.Organisation;

namespace OneStop.Infrastructure.Seeding;

/// <summary>An agency of the demo province and its departments.</summary>
public sealed record AgencySeed(
    string Code,
    string Name,
    string Identifier,
    AgencyKind Kind,
    string? ParentCode,
    IReadOnlyList<DepartmentSeed> Departments,
    DateOnly? ClosedOn = null,
    string? Successor = null);
