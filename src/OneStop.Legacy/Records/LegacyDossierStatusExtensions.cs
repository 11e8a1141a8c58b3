namespace OneStop.Legacy.Records;

/// <summary>The open/closed meaning of the legacy status codes.</summary>
public static class LegacyDossierStatusExtensions
{
    /// <summary>Whether a dossier in this status continues in OneStop (1, 2, 3, 4, 8) rather than being closed history (5, 6, 7).</summary>
    public static bool IsOpen(this LegacyDossierStatus status) => status is not (LegacyDossierStatus.ResultReturned or LegacyDossierStatus.Rejected or LegacyDossierStatus.Withdrawn);
}
