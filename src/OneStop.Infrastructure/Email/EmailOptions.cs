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
}
