namespace OneStop.Documents.Models;

/// <summary>Content of the notice that processing stops (Thông báo dừng giải quyết hồ sơ, Mẫu số 05, Circular 03/2025/TT-VPCP).</summary>
public sealed record StopProcessingModel
{
    public required DocumentHeader Header { get; init; }

    public required string DossierCode { get; init; }

    public required Applicant Applicant { get; init; }

    public required string ProcedureName { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>From when processing stops.</summary>
    public required DateTimeOffset StoppedAt { get; init; }

    /// <summary>Whether the applicant asked for it (withdrawal) or the agency stops it for another reason.</summary>
    public bool AtApplicantRequest { get; init; }

    public required string Reason { get; init; }

    /// <summary>The legal provisions the stop rests on; optional.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>What happens to the documents and fees handed in (returned, kept …); optional.</summary>
    public string? Handling { get; init; }

    public required string SignerTitle { get; init; }

    public required string SignerName { get; init; }

    public required Verification Verification { get; init; }
}
