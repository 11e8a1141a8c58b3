namespace OneStop.Documents.Models;

/// <summary>Content of the refusal (Phiếu từ chối tiếp nhận, giải quyết hồ sơ).</summary>
public sealed record RejectionModel
{
    public required DocumentHeader Header { get; init; }

    public required string DossierCode { get; init; }

    public required Applicant Applicant { get; init; }

    public required string ProcedureName { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public required string Reason { get; init; }

    /// <summary>The legal provisions the refusal rests on; optional.</summary>
    public string? LegalBasis { get; init; }

    public required string SignerTitle { get; init; }

    public required string SignerName { get; init; }

    public required Verification Verification { get; init; }
}
