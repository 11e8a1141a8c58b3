using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Store;

/// <summary>
/// Persistence port for instances. Implementations must make <see cref="SaveAsync"/> atomic and conditional on the version:
/// the whole state, the journal entries it appends and the effects (outbox) are written together, or nothing is.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Loads a private, mutable copy of an instance for update, or null.</summary>
    Task<WorkflowInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads a private, mutable copy of an instance for a change its caller expects at <paramref name="expectedVersion"/> (an
    /// official's If-Match), or null. A version names one state, so a store may give what it already knows of that version without
    /// reading it: if the instance has moved on since, the save's version check refuses the change, as a fresh read would have. By
    /// default, <see cref="LoadAsync"/>.
    /// </summary>
    Task<WorkflowInstance?> LoadExpectedAsync(Guid instanceId, long expectedVersion, CancellationToken cancellationToken = default) =>
        LoadAsync(instanceId, cancellationToken);

    /// <summary>Loads the instance of a dossier, or null.</summary>
    Task<WorkflowInstance?> FindByDossierCodeAsync(string dossierCode, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new instance (version 1); throws <see cref="Errors.WorkflowConflictException"/> if the dossier already has one.</summary>
    Task InsertAsync(WorkflowInstance instance, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the instance only if the stored version still equals <paramref name="expectedVersion"/> (the instance carries
    /// expectedVersion + 1); otherwise throws <see cref="Errors.WorkflowConflictException"/>. Journal entries are append-only:
    /// entries with a sequence above the stored maximum are new.
    /// </summary>
    Task SaveAsync(WorkflowInstance instance, long expectedVersion, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default);

    /// <summary>Lists pending timers due at or before the instant (no locking; a clustered timer service locks rows itself).</summary>
    Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);
}
