namespace OneStop.Infrastructure.Settings;

/// <summary>One section of the settings administrators edit in the browser (JSON), with its secrets kept apart so the audit log never shows them.</summary>
public sealed class AppSetting
{
    public required string Key { get; init; }

    public required string Value { get; set; }

    /// <summary>JSON of the section's secrets (SMTP password, payment key); written to the audit log as ***.</summary>
    public string? SecretValue { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
