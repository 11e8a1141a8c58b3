namespace OneStop.Infrastructure.Dossiers;

/// <summary>The last sequence number given to an agency's dossiers on a day.</summary>
public sealed class DossierCodeCounter
{
    public required string AgencyCode { get; init; }
    public required DateOnly Day { get; init; }
    public int Last { get; set; }
}
