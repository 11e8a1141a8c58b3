namespace OneStop.Documents.Models;

/// <summary>Content of the confirmation that an applicant withdrew their dossier (Phiếu xác nhận rút hồ sơ; OneStop's own, the circular has no form for it).</summary>
public sealed record WithdrawalConfirmationModel
{
    public required DocumentHeader Header { get; init; }

    public required string DossierCode { get; init; }

    public required Applicant Applicant { get; init; }

    public required string ProcedureName { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>When the applicant asked to withdraw.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>How the request came, e.g. "Trực tuyến trên Cổng dịch vụ công" or "Trực tiếp tại Bộ phận Một cửa".</summary>
    public required string Channel { get; init; }

    public required string Reason { get; init; }

    /// <summary>The documents handed back to the applicant; empty when nothing was handed in on paper.</summary>
    public IReadOnlyList<string> ReturnedDocuments { get; init; } = [];

    /// <summary>The official who confirms the withdrawal.</summary>
    public required string Official { get; init; }

    public required Verification Verification { get; init; }
}
