namespace OneStop.Core.Organisation;

/// <summary>The level of a government body in the administrative hierarchy.</summary>
public enum AgencyKind
{
    /// <summary>Province People's Committee (UBND tỉnh).</summary>
    Province = 0,

    /// <summary>A provincial department (Sở) or a body at the same level, such as the provincial police.</summary>
    ProvincialDepartment = 1,

    /// <summary>District People's Committee (UBND huyện); historical since 1 July 2025.</summary>
    District = 2,

    /// <summary>Commune or ward People's Committee (UBND xã, phường).</summary>
    Commune = 3,
}
