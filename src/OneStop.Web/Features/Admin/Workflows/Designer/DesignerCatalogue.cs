namespace OneStop.Web.Features.Admin.Workflows.Designer;

/// <summary>What the designer offers in its lists: roles, document kinds, the organisation and the configured webhooks.</summary>
public sealed record DesignerCatalogue(
    IReadOnlyList<NamedCode> Roles,
    IReadOnlyList<NamedCode> DocumentKinds,
    IReadOnlyList<DesignerAgency> Agencies,
    IReadOnlyList<string> Webhooks);

/// <summary>A code with the Vietnamese name people read.</summary>
public sealed record NamedCode(string Code, string Name);

/// <summary>An agency with its departments; a closed agency is listed only so that a definition naming it still reads.</summary>
public sealed record DesignerAgency(string Code, string Name, string Level, bool Closed, IReadOnlyList<NamedCode> Departments);
