namespace OneStop.Core.Dossiers;

/// <summary>Where a dossier stands, as the applicant sees it.</summary>
public enum DossierStatus
{
    Draft,
    Submitted,
    InProgress,
    WaitingForSupplement,
    ResultReady,
    Completed,
    Rejected,
    Withdrawn,
}
