namespace OneStop.Workflows.Runtime;

/// <summary>
/// Why the engine emitted a notify effect: the contract between the engine, which emits these, and the notifiers, which match
/// them. Effects of an action or automatic step (documents, fields, webhooks, a step's own notice) carry that action's or step's id.
/// </summary>
public static class EffectReasons
{
    /// <summary>A task was opened for a role in a department.</summary>
    public const string TaskCreated = "taskCreated";

    /// <summary>The applicant was asked to supplement the dossier.</summary>
    public const string SupplementRequested = "supplementRequested";

    /// <summary>A task was given to a named official.</summary>
    public const string TaskAssigned = "taskAssigned";

    /// <summary>A task's deadline is near.</summary>
    public const string Reminder = "reminder";

    /// <summary>A task's deadline passed: its department's leaders are told.</summary>
    public const string Escalation = "escalation";

    /// <summary>The procedure's legal deadline passed: the receiving agency's leaders are told.</summary>
    public const string ProcedureOverdue = "procedureOverdue";

    /// <summary>Processing ended (completed, rejected, withdrawn …): the applicant is told.</summary>
    public const string Ended = "ended";
}
