using System.ComponentModel.DataAnnotations;

namespace OneStop.Infrastructure.Email;

/// <summary>How OneStop sends mail (section "Email").</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>"Pickup" writes .eml files to <see cref="PickupDirectory"/>; "Smtp" sends through <see cref="Smtp"/>.</summary>
    [RegularExpression("^(Pickup|Smtp)$")]
    public string Mode { get; set; } = "Pickup";

    public string PickupDirectory { get; set; } = ".local/mail";

    [Required]
    public string From { get; set; } = "OneStop <no-reply@onestop.local>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>After this many failed attempts (about a day with the back-off) a mail is set aside with its last error.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>Sent mails (which hold personal data) are deleted from the outbox after this many days.</summary>
    [Range(1, 3650)]
    public int KeepSentDays { get; set; } = 90;
}
