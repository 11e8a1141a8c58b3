namespace OneStop.Documents.Models;

/// <summary>Content of the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ).</summary>
public sealed record ControlSlipModel
{
    public required DocumentHeader Header { get; init; }

    public required string DossierCode { get; init; }

    /// <summary>The receipt this slip accompanies, e.g. its reference number; optional.</summary>
    public string? ReceiptReference { get; init; }

    public required Applicant Applicant { get; init; }

    public required string ProcedureName { get; init; }

    /// <summary>The department leading the processing.</summary>
    public required string LeadUnit { get; init; }

    public IReadOnlyList<string> CoordinatingUnits { get; init; } = [];

    public required IReadOnlyList<ControlSlipStep> Steps { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>When the result was ready; null while the dossier is still being processed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    public StepOutcome OverallOutcome { get; init; } = StepOutcome.Pending;

    public required Verification Verification { get; init; }
}
