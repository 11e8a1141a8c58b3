using OneStop.Workflows.Calendar;

namespace OneStop.Infrastructure.Settings;

/// <summary>The keys and shapes of the settings sections stored in app_settings.</summary>
public static class SettingSections
{
    public const string Calendar = "calendar";
    public const string Province = "province";
    public const string Smtp = "smtp";
    public const string Payment = "payment";
    public const string Uploads = "uploads";
}

/// <summary>Working hours (two periods), the afternoon cut-off and the National Day companion day.</summary>
public sealed record CalendarSettings(List<WorkingPeriod> WorkingPeriods, TimeOnly AfternoonCutOff, int NationalDayCompanion);

/// <summary>What documents print about the province.</summary>
public sealed record ProvinceSettings(string ProvinceName, string Place, string Code, string? PeopleCommitteeIdentifier, string PublicBaseUrl);

/// <summary>The SMTP relay; the password is kept in the secret part.</summary>
public sealed record SmtpSettings(bool Enabled, string Host, int Port, bool UseStartTls, string? UserName, string From);

/// <summary>The payment provider (placeholders until a provider is contracted); the key is kept in the secret part.</summary>
public sealed record PaymentSettings(bool Enabled, string Provider, string? MerchantCode, string? ReturnUrl);

/// <summary>Upload limits for citizens' and officials' files.</summary>
public sealed record UploadSettings(int MaxFileMegabytes, int MaxFilesPerDossier);
