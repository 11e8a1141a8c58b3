namespace OneStop.Legacy.Records;

/// <summary>The legacy `cap` of an agency: tinh, huyen, xa.</summary>
public enum AgencyLevel
{
    Unknown = 0,
    Province = 1,
    District = 2,
    Commune = 3,
}
