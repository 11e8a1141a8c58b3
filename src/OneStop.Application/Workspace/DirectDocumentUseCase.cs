using OneStop.Application.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Signing;

namespace OneStop.Application.Workspace;

/// <summary>
/// A use case in which an official issues a document themselves (control slip, apology, correction): issued at once, or, when they sign
/// remotely ("ký số từ xa"), waiting for their confirmation on the device ("chờ ký số"). The waiting document's request goes to the CA
/// only once the use case has committed (the background completion sends it otherwise), so the signer's device never shows a request for
/// something that was rolled back, and the request never waits for the device.
/// </summary>
public abstract class DirectDocumentUseCase<TCommand>(RemoteSignatures signatures, IUnitOfWork unitOfWork) : UseCase<TCommand, IssueOutcome>(unitOfWork)
{
    public override async Task<IssueOutcome> ExecuteAsync(TCommand command, CancellationToken cancellationToken = default)
    {
        var outcome = await base.ExecuteAsync(command, cancellationToken);
        if (outcome.AwaitingSignature is { } pending)
        {
            await signatures.SendQueuedAsync(pending.Id, cancellationToken);
        }

        return outcome;
    }
}
