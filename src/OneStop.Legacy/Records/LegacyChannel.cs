namespace OneStop.Legacy.Records;

/// <summary>The legacy `kenh_nop`: how a dossier was submitted.</summary>
public enum LegacyChannel
{
    Unknown = 0,
    Counter = 1,
    Online = 2,
    Post = 3,
}
