using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime;

/// <summary>The workflow engine as the rest of OneStop sees it; every change is atomic and version-checked.</summary>
public interface IWorkflowEngine
{
    /// <summary>Starts the workflow of a dossier at its first step.</summary>
    Task<WorkflowResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads an instance, or null.</summary>
    Task<WorkflowInstance?> GetAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Reads the instance of a dossier, or null.</summary>
    Task<WorkflowInstance?> FindByDossierCodeAsync(string dossierCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads an instance as the caller last saw it: the committed state of <paramref name="expectedVersion"/> when the store knows it
    /// without reading (<see cref="Store.IWorkflowStore.LoadExpectedAsync"/>), else the current one, whose version may differ; or null.
    /// </summary>
    Task<WorkflowInstance?> GetAsync(Guid instanceId, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>The actions this user may take on an instance the caller already holds, given the dossier's form data (nothing is read).</summary>
    IReadOnlyList<AvailableAction> ListAvailableActions(WorkflowInstance instance, WorkflowActor actor, IReadOnlyDictionary<string, object?>? formData = null);

    /// <summary>The actions this user may take now, given the dossier's current form data.</summary>
    Task<IReadOnlyList<AvailableAction>> ListAvailableActionsAsync(Guid instanceId, WorkflowActor actor,
        IReadOnlyDictionary<string, object?>? formData = null, CancellationToken cancellationToken = default);

    /// <summary>Performs an action on an open task (claiming it if unassigned).</summary>
    Task<WorkflowResult> PerformAsync(PerformActionRequest request, CancellationToken cancellationToken = default);

    /// <summary>The actor takes an unassigned task they are eligible for.</summary>
    Task<WorkflowResult> ClaimAsync(Guid instanceId, Guid taskId, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>Assigns or reassigns a task to a user (by a leader or admin of the agency, or by its current assignee).</summary>
    Task<WorkflowResult> AssignAsync(Guid instanceId, Guid taskId, string assigneeUserId, WorkflowActor actor,
        CancellationToken cancellationToken = default);

    /// <summary>Fires one due timer (reminder, escalation, procedure deadline); a timer already gone is a no-op.</summary>
    Task<WorkflowResult> ProcessTimerAsync(Guid instanceId, Guid timerId, CancellationToken cancellationToken = default);

    /// <summary>The applicant withdraws the dossier before it is decided (with a reason); the instance ends as withdrawn.</summary>
    Task<WorkflowResult> WithdrawAsync(Guid instanceId, WorkflowActor applicant, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Journals an apology for a late dossier: who, when and from where, the new date and the reason, and the document issued.
    /// The workflow does not move; the instance's version goes up like any other change.
    /// </summary>
    Task<WorkflowResult> RecordApologyAsync(Guid instanceId, WorkflowActor actor, DateTimeOffset newDueAt, string reason,
        IReadOnlyList<string> documents, CancellationToken cancellationToken = default);

    /// <summary>Journals the correction of an issued document by a new one (who, when, from where, which kind and why); the workflow does not move.</summary>
    Task<WorkflowResult> RecordDocumentReissuedAsync(Guid instanceId, WorkflowActor actor, string documentKind, string reason,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Journals that the counter compared an attachment with its original paper (who, when, from where, what): the workflow does not move;
    /// with <paramref name="expectedVersion"/> it refuses when someone acted meanwhile.
    /// </summary>
    Task<WorkflowResult> RecordAttachmentCertifiedAsync(Guid instanceId, WorkflowActor actor, long? expectedVersion, string what,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Journals what became of a document's remote signature (<see cref="JournalKind.RemoteSigningCompleted"/>, <c>RemoteSigningFailed</c> or
    /// <c>RemoteSigningRetried</c>), also after the instance ended; <paramref name="actor"/> null for the system (e.g. an expired request).
    /// </summary>
    Task<WorkflowResult> RecordRemoteSigningAsync(Guid instanceId, JournalKind kind, WorkflowActor? actor, string documentKind, string comment,
        CancellationToken cancellationToken = default);

    /// <summary>Moves an instance to another version of its definition with a step mapping (admin only), journaled.</summary>
    Task<WorkflowResult> MigrateAsync(MigrateInstanceRequest request, CancellationToken cancellationToken = default);
}
