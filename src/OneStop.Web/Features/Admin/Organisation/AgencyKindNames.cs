using OneStop.Core.Organisation;

namespace OneStop.Web.Features.Admin.Organisation;

/// <summary>The Vietnamese name of each agency level.</summary>
public static class AgencyKindNames
{
    public static IReadOnlyList<AgencyKind> All { get; } = Enum.GetValues<AgencyKind>();

    public static string Of(AgencyKind kind) => kind switch
    {
        AgencyKind.Province => "UBND tỉnh",
        AgencyKind.ProvincialDepartment => "Sở, ngành cấp tỉnh",
        AgencyKind.District => "UBND cấp huyện",
        _ => "UBND cấp xã",
    };
}
