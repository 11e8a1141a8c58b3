namespace OneStop.Documents.Models;

/// <summary>Content of the request to supplement the dossier (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).</summary>
public sealed record SupplementRequestModel
{
    public required DocumentHeader Header { get; init; }

    public required string DossierCode { get; init; }

    public required Applicant Applicant { get; init; }

    public required string ProcedureName { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public required IReadOnlyList<SupplementItem> Items { get; init; }

    /// <summary>The official who checked the dossier and signs the request.</summary>
    public required string Official { get; init; }

    public string? OfficialPhone { get; init; }

    public string? OfficialEmail { get; init; }

    public required Verification Verification { get; init; }
}
