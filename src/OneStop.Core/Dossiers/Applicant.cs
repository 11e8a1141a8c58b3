using OneStop.Core.Common;

namespace OneStop.Core.Dossiers;

/// <summary>Who submitted the dossier, as written on it (the person may have no account).</summary>
public sealed class Applicant
{
    private Applicant()
    {
        FullName = string.Empty;
    }

    public Applicant(string fullName, string? idNumber, string? phone, string? email, string? address)
    {
        FullName = Text.Clean(fullName);
        IdNumber = Text.CleanOrNull(idNumber);
        PhoneAsTyped = Text.CleanOrNull(phone);
        Phone = VietnameseFormats.NormalizePhone(phone);
        Email = Text.CleanOrNull(email);
        Address = Text.CleanOrNull(address);
    }

    public string FullName { get; private set; }

    /// <summary>CCCD/CMND as text (leading zeros matter).</summary>
    public string? IdNumber { get; private set; }

    /// <summary>Normalised 0xxxxxxxxx, or null when what was typed is not a mobile number.</summary>
    public string? Phone { get; private set; }

    public string? PhoneAsTyped { get; private set; }

    public string? Email { get; private set; }

    public string? Address { get; private set; }
}
