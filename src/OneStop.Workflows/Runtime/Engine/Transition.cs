using OneStop.Workflows.Calendar;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>One unit of change on an instance: the clock reading, the effects produced and the journal writer.</summary>
internal sealed class Transition(WorkflowInstance instance, WorkflowDefinition definition, DateTimeOffset now, WorkingCalendar calendar)
{
    public WorkflowInstance Instance { get; } = instance;

    public WorkflowDefinition Definition { get; set; } = definition;

    public DateTimeOffset Now { get; } = now;

    public WorkingCalendar Calendar { get; } = calendar;

    public List<WorkflowEffect> Effects { get; } = [];

    /// <summary>Who causes this change (null for a timer); every effect it emits carries them.</summary>
    public string? ActorUserId { get; init; }

    public void Journal(JournalEntry entry) =>
        Instance.JournalList.Add(entry with { Sequence = Instance.JournalList.Count + 1, At = Now });

    public WorkflowEffect Effect(EffectKind kind) => new(kind, Instance.Id, Instance.DossierCode) { ActorUserId = ActorUserId };

    public void Emit(WorkflowEffect effect) => Effects.Add(effect);
}
