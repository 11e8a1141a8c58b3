namespace OneStop.Core.Dossiers;

/// <summary>How the dossier reached the agency.</summary>
public enum SubmissionChannel
{
    Online,
    Counter,
    Post,

    /// <summary>Submitted on the national public-services portal (Cổng Dịch vụ công quốc gia) and sent here by it.</summary>
    NationalPortal,
}
