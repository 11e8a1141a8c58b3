using OneStop.Infrastructure.Seeding;

namespace OneStop.Testing;

/// <summary>Accounts of the seeded demo province that tests sign in with.</summary>
public static class DemoAccounts
{
    public const string Password = DemoProvince.Password;
    public const string Admin = "admin@" + DemoProvince.EmailDomain;
    public const string Citizen = "nguyen.van.an@" + DemoProvince.EmailDomain;
    public const string ReceptionSgtvt = "tiepnhan.sgtvt@" + DemoProvince.EmailDomain;
    public const string SpecialistSgtvt = "chuyenvien.qlpt.sgtvt@" + DemoProvince.EmailDomain;
    public const string LeaderSgtvt = "lanhdao.sgtvt@" + DemoProvince.EmailDomain;
}
