using System.Text.Json;

namespace OneStop.Workflows.Runtime;

/// <summary>A side effect to deliver after the transition is saved (written to an outbox in the same transaction).</summary>
public sealed record WorkflowEffect(EffectKind Kind, Guid InstanceId, string DossierCode)
{
    /// <summary>Why: one of <see cref="EffectReasons"/> for the engine's own notices, else the id of the action or step that emitted it.</summary>
    public string? Reason { get; init; }

    public string? RecipientUserId { get; init; }

    public string? RecipientRole { get; init; }

    public string? RecipientAgency { get; init; }

    public string? RecipientDepartment { get; init; }

    public string? DocumentKind { get; init; }

    public string? Webhook { get; init; }

    public string? Field { get; init; }

    public JsonElement? Value { get; init; }

    public string? Message { get; init; }

    public Guid? TaskId { get; init; }

    /// <summary>The user whose action (or start, or withdrawal) caused the effect, also through the automatic steps it led to; null for timers.</summary>
    public string? ActorUserId { get; init; }
}
