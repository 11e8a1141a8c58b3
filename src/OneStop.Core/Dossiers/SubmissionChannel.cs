namespace OneStop.Core.Dossiers;

/// <summary>How the dossier reached the agency.</summary>
public enum SubmissionChannel
{
    Online,
    Counter,
    Post,
}
