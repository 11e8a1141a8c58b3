using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Store;

/// <summary>A timer that is due, with the instance it belongs to.</summary>
public sealed record DueTimer(Guid InstanceId, Guid TimerId, TimerKind Kind, DateTimeOffset DueAt);
