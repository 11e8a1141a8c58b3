namespace OneStop.Documents.Signing;

/// <summary>The optional words of a signature dictionary: why, where and how to reach the signer.</summary>
public sealed record SignatureDetails
{
    /// <summary>E.g. "Phê duyệt kết quả giải quyết hồ sơ H37.15-261205-0042".</summary>
    public string? Reason { get; init; }

    /// <summary>E.g. "Lạng Sơn".</summary>
    public string? Location { get; init; }

    public string? ContactInfo { get; init; }

    /// <summary>What the document is, shown by a remote signer on the person's device.</summary>
    public string DocumentTitle { get; init; } = "Văn bản điện tử";
}
