using OneStop.Core.Identity;
using OneStop.Core.Organisation;

namespace OneStop.Infrastructure.Seeding;

/// <summary>The demo province: a Lạng Sơn-like organisation with officials of every role.</summary>
public static class DemoProvince
{
    /// <summary>The password of every demo account; printed by ./onestop run and never used outside demo mode.</summary>
    public const string Password = "Demo@2026";

    public const string EmailDomain = "demo.onestop.vn";

    public static IReadOnlyList<AgencySeed> Agencies { get; } =
    [
        new("UBND-LS", "Ủy ban nhân dân tỉnh Lạng Sơn", "000.00.00.H39", AgencyKind.Province, null,
            [new("VP", "Văn phòng Ủy ban nhân dân tỉnh", false)]),
        new("SGTVT", "Sở Giao thông vận tải", "000.00.15.H39", AgencyKind.ProvincialDepartment, "UBND-LS",
            [Counter, Leaders, new("QLPT", "Phòng Quản lý phương tiện và người lái", false)]),
        new("SXD", "Sở Xây dựng", "000.00.16.H39", AgencyKind.ProvincialDepartment, "UBND-LS",
            [Counter, Leaders, new("QLXD", "Phòng Quản lý hoạt động xây dựng", false),
             new("QHKT", "Phòng Quy hoạch - Kiến trúc", false), new("HTKT", "Phòng Hạ tầng kỹ thuật", false)]),
        new("STP", "Sở Tư pháp", "000.00.17.H39", AgencyKind.ProvincialDepartment, "UBND-LS",
            [Counter, Leaders, new("HCTP", "Phòng Hành chính tư pháp", false)]),
        new("CA-TINH", "Công an tỉnh Lạng Sơn", "000.00.30.H39", AgencyKind.ProvincialDepartment, "UBND-LS",
            [Counter, Leaders, new("PV06", "Phòng Hồ sơ nghiệp vụ", false)]),
        new("P-LVT", "Ủy ban nhân dân phường Lương Văn Tri", "000.01.00.H39", AgencyKind.Commune, "UBND-LS", CommuneUnits),
        new("P-DK", "Ủy ban nhân dân phường Đông Kinh", "000.02.00.H39", AgencyKind.Commune, "UBND-LS", CommuneUnits),
        new("X-CL", "Ủy ban nhân dân xã Cao Lộc", "000.03.00.H39", AgencyKind.Commune, "UBND-LS", CommuneUnits),
        new("H-CAOLOC", "Ủy ban nhân dân huyện Cao Lộc", "000.00.22.H39", AgencyKind.District, "UBND-LS", [Counter],
            ClosedOn: new DateOnly(2025, 7, 1), Successor: "X-CL"),
    ];

    public static IReadOnlyList<UserSeed> Citizens { get; } =
    [
        new("nguyen.van.an@" + EmailDomain, "Nguyễn Văn An", Roles.Citizen, null, null,
            IdNumber: "020090001234", Phone: "0912345678", Address: "Số 12 đường Bà Triệu, phường Lương Văn Tri, tỉnh Lạng Sơn"),
        new("hoang.thi.mai@" + EmailDomain, "Hoàng Thị Mai", Roles.Citizen, null, null,
            IdNumber: "020185004321", Phone: "0987654321", Address: "Thôn Pò Khoang, xã Cao Lộc, tỉnh Lạng Sơn"),
    ];

    public static UserSeed Admin { get; } =
        new("admin@" + EmailDomain, "Quản trị hệ thống", Roles.Admin, "UBND-LS", "VP");

    private static DepartmentSeed Counter => new("MOTCUA", "Bộ phận Tiếp nhận và Trả kết quả", true);

    private static DepartmentSeed Leaders => new("LANHDAO", "Ban Lãnh đạo", false);

    private static DepartmentSeed[] CommuneUnits =>
        [Counter, Leaders, new("VHXH", "Phòng Văn hóa - Xã hội", false), new("KT", "Phòng Kinh tế", false)];

    /// <summary>Every demo official: one receptionist per counter, one specialist per processing unit, one leader per agency.</summary>
    public static IEnumerable<UserSeed> Officials()
    {
        var names = new NamePool();
        foreach (var agency in Agencies.Where(a => a.ClosedOn is null))
        {
            foreach (var department in agency.Departments)
            {
                var role = department.Code switch
                {
                    "MOTCUA" => Roles.Reception,
                    "LANHDAO" => Roles.Leader,
                    "VP" => null,
                    _ => Roles.Specialist,
                };
                if (role is null)
                {
                    continue;
                }

                var local = (role == Roles.Specialist
                    ? $"{RolePrefix(role)}.{department.Code}.{agency.Code}"
                    : $"{RolePrefix(role)}.{agency.Code}").ToLowerInvariant();
                yield return new UserSeed($"{local}@{EmailDomain}", names.Next(), role, agency.Code, department.Code);
            }
        }
    }

    private static string RolePrefix(string role) => role switch
    {
        Roles.Reception => "tiepnhan",
        Roles.Leader => "lanhdao",
        _ => "chuyenvien",
    };

    private sealed class NamePool
    {
        private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lương", "Nông", "Đặng", "Bùi"];
        private static readonly string[] MiddleNames = ["Văn", "Thị", "Đức", "Thu", "Minh", "Ngọc", "Quang"];
        private static readonly string[] GivenNames = ["Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Thảo", "Cường", "Hà", "Sơn", "Yến", "Long", "Nga"];
        private int _next;

        public string Next()
        {
            var i = _next++;
            return $"{FamilyNames[i % FamilyNames.Length]} {MiddleNames[i % MiddleNames.Length]} {GivenNames[i % GivenNames.Length]}";
        }
    }
}
