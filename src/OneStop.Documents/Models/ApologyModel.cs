namespace OneStop.Documents.Models;

/// <summary>Content of the apology with a new return date (Mẫu số 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết).</summary>
public sealed record ApologyModel
{
    public required DocumentHeader Header { get; init; }

    public required string DossierCode { get; init; }

    public required Applicant Applicant { get; init; }

    public required string ProcedureName { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset OriginalDueAt { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset NewDueAt { get; init; }

    public required string SignerTitle { get; init; }

    public required string SignerName { get; init; }

    public required Verification Verification { get; init; }
}
