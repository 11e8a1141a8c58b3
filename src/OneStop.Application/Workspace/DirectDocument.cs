using OneStop.Core.Documents;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Signing;

namespace OneStop.Application.Workspace;

/// <summary>
/// A document an official issues themselves (control slip, apology, correction): issued at once, or, when they sign remotely ("ký số từ
/// xa"), waiting for their confirmation on the device ("chờ ký số") and issued by the background completion once signed. The request never
/// waits for the device.
/// </summary>
public sealed record DirectDocument(IssuedDocument? Document, PendingSignature? AwaitingSignature)
{
    internal DirectDocument(IssueOutcome outcome)
        : this(outcome.Document, outcome.AwaitingSignature)
    {
    }

    /// <summary>The id the document has, or will have once signed (its /verify address is already printed in it).</summary>
    public Guid DocumentId => Document?.Id ?? AwaitingSignature!.DocumentId;

    public string Kind => Document?.Kind ?? AwaitingSignature!.Kind;

    public string Title => Document?.Title ?? AwaitingSignature!.Title;

    public bool IsAwaitingSignature => Document is null;

    /// <summary>What the official is told when it waits.</summary>
    public string AwaitingMessage => $"{Title} đang chờ ký số: hãy xác nhận yêu cầu ký trên thiết bị của bạn; văn bản được phát hành ngay khi ký xong.";

    /// <summary>
    /// Sends the waiting document's request to the CA once the use case has committed (the background completion sends it otherwise), so the
    /// signer's device never shows a request for something that was rolled back.
    /// </summary>
    internal static async Task<DirectDocument> SendAfterCommitAsync(DirectDocument result, RemoteSignatures signatures, CancellationToken cancellationToken)
    {
        if (result.AwaitingSignature is { } pending)
        {
            await signatures.SendQueuedAsync(pending.Id, cancellationToken);
        }

        return result;
    }
}
