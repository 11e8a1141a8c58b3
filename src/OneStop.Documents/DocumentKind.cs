namespace OneStop.Documents;

/// <summary>Which kind of document was rendered.</summary>
public enum DocumentKind
{
    Receipt,
    SupplementRequest,
    Rejection,
    Apology,
    ControlSlip,
    Register,
    RegisterCsv,
    Result,
    StopProcessing,
    WithdrawalConfirmation,
}
