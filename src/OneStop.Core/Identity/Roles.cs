namespace OneStop.Core.Identity;

/// <summary>The roles of OneStop's users.</summary>
public static class Roles
{
    public const string Citizen = nameof(Citizen);
    public const string Reception = nameof(Reception);
    public const string Specialist = nameof(Specialist);
    public const string Leader = nameof(Leader);
    public const string Admin = nameof(Admin);

    /// <summary>Roles held by officials who process dossiers.</summary>
    public const string Officials = Reception + "," + Specialist + "," + Leader;

    public static IReadOnlyList<string> All { get; } = [Citizen, Reception, Specialist, Leader, Admin];

    public static bool IsOfficial(string role) => role is Reception or Specialist or Leader;

    public static string DisplayName(string role) => role switch
    {
        Citizen => "Công dân",
        Reception => "Cán bộ một cửa",
        Specialist => "Chuyên viên",
        Leader => "Lãnh đạo",
        Admin => "Quản trị hệ thống",
        _ => role,
    };
}
