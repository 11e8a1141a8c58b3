namespace OneStop.Workflows.Runtime;

/// <summary>The kind of side effect the runtime asks the host to carry out.</summary>
public enum EffectKind
{
    Notify,
    IssueDocument,
    CallWebhook,
    FieldSet,
}
