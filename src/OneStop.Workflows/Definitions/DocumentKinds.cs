namespace OneStop.Workflows.Definitions;

/// <summary>Well-known kinds of documents an action or automatic step issues.</summary>
public static class DocumentKinds
{
    public const string Receipt = "receipt";
    public const string SupplementRequest = "supplementRequest";
    public const string Rejection = "rejection";
    public const string Apology = "apology";
    public const string Result = "result";
    public const string ControlSlip = "controlSlip";
    public const string Withdrawal = "withdrawal";

    /// <summary>The notice that processing stops (Mẫu số 05, Circular 03/2025/TT-VPCP).</summary>
    public const string StopProcessing = "stopProcessing";
}
