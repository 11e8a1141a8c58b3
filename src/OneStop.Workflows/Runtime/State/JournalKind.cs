namespace OneStop.Workflows.Runtime.State;

/// <summary>What a journal entry records.</summary>
public enum JournalKind
{
    Started,
    StepEntered,
    ActionPerformed,
    TaskClaimed,
    TaskAssigned,
    TaskCancelled,
    BranchJoined,
    AutoStep,
    ClockPaused,
    ClockResumed,
    ReminderSent,
    Escalated,
    TotalDeadlineMissed,
    Migrated,
    Ended,

    /// <summary>The agency apologised for a late dossier and gave a new date (the workflow does not move; the dossier still counts as late).</summary>
    Apologised,

    /// <summary>An issued document was corrected by a new one that replaces it (đính chính); both stay verifiable.</summary>
    DocumentReissued,

    /// <summary>The counter compared an attachment with the original paper: it is a certified copy (bản sao điện tử đã đối chiếu bản chính).</summary>
    AttachmentCertified,

    /// <summary>A document waiting for its official's remote signature was confirmed on their device, sealed and issued.</summary>
    RemoteSigningCompleted,

    /// <summary>A remote signature was refused on the device, expired, or could not be completed: nothing was issued.</summary>
    RemoteSigningFailed,

    /// <summary>The official asked again for a remote signature that had failed ("Ký lại").</summary>
    RemoteSigningRetried,
}
