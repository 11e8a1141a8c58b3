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
/// confirmation on the device (<see cref="AwaitingSignature"/>, "chờ ký số"). Exactly one of the two is set.
/// </summary>
public sealed record IssueOutcome(Core.Documents.IssuedDocument? Document, Signing.PendingSignature? AwaitingSignature);
