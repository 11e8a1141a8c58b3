using System.Collections.Concurrent;

namespace OneStop.Soak;

/// <summary>An attachment the app acknowledged (201) with its id, and the SHA-256 of the bytes the harness sent.</summary>
internal sealed record AckedFile(Guid Id, string DocumentCode, string Sha256);

/// <summary>A submission the app acknowledged: "submitted, code X".</summary>
internal sealed record AckedSubmission(Guid DossierId, string Code, string IdempotencyKey, IReadOnlyList<AckedFile> Files);

/// <summary>An action on a dossier's workflow (an official's, or the citizen's resubmit/withdraw): acknowledged, or sent with an unknown outcome.</summary>
internal sealed record ActionAttempt(Guid DossierId, string ActionId, bool Acknowledged, bool Uncertain);

/// <summary>A workflow timer the harness made due by moving the instance's clock forward ("time passes"), to be fired once by a host.</summary>
internal sealed record AgedTimer(Guid InstanceId, Guid TimerId, string Kind, Guid? TaskId);

/// <summary>The harness's own record of every answer the app gave that a user would rely on.</summary>
internal sealed class Ledger
{
    public ConcurrentQueue<AckedSubmission> Submissions { get; } = new();
    public ConcurrentQueue<AckedFile> SupplementFiles { get; } = new();
    public ConcurrentQueue<ActionAttempt> Actions { get; } = new();
    public ConcurrentQueue<(Guid DossierId, bool Acknowledged, bool Uncertain)> Apologies { get; } = new();
    public ConcurrentQueue<(Guid DossierId, Guid PaymentId)> Payments { get; } = new();
    public ConcurrentDictionary<Guid, byte> Withdrawn { get; } = new();
    public ConcurrentQueue<AgedTimer> AgedTimers { get; } = new();
    public ConcurrentQueue<string> Registered { get; } = new();

    public int Acknowledged => Submissions.Count + SupplementFiles.Count + Actions.Count(a => a.Acknowledged) + Apologies.Count(a => a.Acknowledged) + Payments.Count;
}
