using OneStop.Web.Features.Admin.Officials;

namespace OneStop.Web.Pages.Admin.Officials;

/// <summary>The model of the role/agency/department fields.</summary>
public sealed record PlaceFields(OfficialInput Input, IReadOnlyList<OfficialAdmin.AgencyChoice> Agencies,
    IReadOnlyList<OfficialAdmin.DepartmentChoice> Departments);
