namespace OneStop.Legacy.Records;

/// <summary>The legacy `trang_thai` codes 1–8 (see FORMAT.md).</summary>
public enum LegacyDossierStatus
{
    Received = 1,
    Processing = 2,
    WaitingForSupplement = 3,
    ResultReady = 4,
    ResultReturned = 5,
    Rejected = 6,
    Withdrawn = 7,
    Suspended = 8,
}
