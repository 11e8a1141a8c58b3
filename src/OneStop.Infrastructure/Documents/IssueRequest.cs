namespace OneStop.Infrastructure.Documents;

/// <summary>What to issue for a dossier, by whom, and the few facts a form needs beyond the dossier itself.</summary>
public sealed record IssueRequest(string DossierCode, string Kind)
{
    /// <summary>The user id of the official issuing it, if a person did.</summary>
    public string? IssuedBy { get; init; }

    /// <summary>The official's comment: the supplement items, the refusal reason, the apology's reason.</summary>
    public string? Comment { get; init; }

    /// <summary>The new appointment date of an apology.</summary>
    public DateTimeOffset? NewDueAt { get; init; }

    /// <summary>Makes issuing idempotent: a second request with the same key returns the first document.</summary>
    public string? SourceKey { get; init; }

    /// <summary>The document this one corrects.</summary>
    public Guid? Replaces { get; init; }
}

/// <summary>
/// What issuing gave: the document (<see cref="Document"/>), or, when its official signs remotely, the document waiting for their
/// confirmation on the device (<see cref="AwaitingSignature"/>, "chờ ký số"). Exactly one of the two is set, except for a repeated
/// request (same source key) whose document is already waiting: neither (<see cref="DocumentIssuer.IssueOrDeferAsync"/> only).
/// </summary>
public sealed record IssueOutcome(Core.Documents.IssuedDocument? Document, Signing.PendingSignature? AwaitingSignature)
{
    /// <summary>The id the document has, or will have once signed (its /verify address is already printed in it).</summary>
    public Guid DocumentId => Document?.Id ?? AwaitingSignature!.DocumentId;

    public string Kind => Document?.Kind ?? AwaitingSignature!.Kind;

    public bool IsAwaitingSignature => Document is null;

    /// <summary>What the official is told when it waits.</summary>
    public string AwaitingMessage =>
        $"{AwaitingSignature?.Title} đang chờ ký số: hãy xác nhận yêu cầu ký trên thiết bị của bạn; văn bản được phát hành ngay khi ký xong.";
}
