namespace OneStop.Documents.Models;

/// <summary>Content of the receipt with appointment date (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu số 01).</summary>
public sealed record ReceiptModel
{
    public required DocumentHeader Header { get; init; }

    public required string DossierCode { get; init; }

    /// <summary>Which copy this is, e.g. "Liên 2: Giao người nộp hồ sơ"; optional.</summary>
    public string? CopyLabel { get; init; }

    /// <summary>The one-stop office that received the dossier.</summary>
    public required string ReceivingOffice { get; init; }

    public required Applicant Applicant { get; init; }

    public required string ProcedureName { get; init; }

    public IReadOnlyList<ReceivedDocument> Documents { get; init; } = [];

    /// <summary>Number of dossier sets handed in.</summary>
    public int SetCount { get; init; } = 1;

    /// <summary>Statutory processing time in working days.</summary>
    public required int ProcessingDays { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Where the result is collected, e.g. "Bộ phận Một cửa", "Trực tuyến", "Dịch vụ bưu chính".</summary>
    public required string ResultDelivery { get; init; }

    public string? RegisterBook { get; init; }

    public string? RegisterNumber { get; init; }

    public required string ReceivingOfficial { get; init; }

    /// <summary>The person who handed the dossier in when not the applicant (e.g. an organisation's representative); optional.</summary>
    public string? SubmitterName { get; init; }

    /// <summary>A secret look-up key for tracking without an account; optional.</summary>
    public string? TrackingKey { get; init; }

    public required Verification Verification { get; init; }
}
