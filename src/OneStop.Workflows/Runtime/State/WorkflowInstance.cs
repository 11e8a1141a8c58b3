using System.Text.Json;
using System.Text.Json.Serialization;
using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Runtime.State;

/// <summary>The state of one dossier's workflow: pinned definition version, open tasks, timers and journal.</summary>
public sealed class WorkflowInstance : IJsonOnDeserialized
{
    [JsonConstructor]
    public WorkflowInstance(Guid id, string dossierCode, string definitionId, int definitionVersion, string receivingAgency, string? applicantId)
    {
        Id = id;
        DossierCode = dossierCode;
        DefinitionId = definitionId;
        DefinitionVersion = definitionVersion;
        ReceivingAgency = receivingAgency;
        ApplicantId = applicantId;
    }

    public Guid Id { get; }

    public string DossierCode { get; }

    public string DefinitionId { get; }

    [JsonInclude]
    public int DefinitionVersion { get; internal set; }

    public string ReceivingAgency { get; }

    public string? ApplicantId { get; }

    /// <summary>Optimistic concurrency version; increases by one on every saved change.</summary>
    [JsonInclude]
    public long Version { get; internal set; }

    [JsonInclude]
    public InstanceStatus Status { get; internal set; }

    [JsonInclude]
    public EndOutcome? Outcome { get; internal set; }

    [JsonInclude]
    public string? EndStepId { get; internal set; }

    [JsonInclude]
    public DateTimeOffset StartedAt { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? EndedAt { get; internal set; }

    /// <summary>The legal deadline of the whole procedure; null while the clock is stopped or when none is defined.</summary>
    [JsonInclude]
    public DateTimeOffset? TotalDueAt { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? ClockPausedAt { get; internal set; }

    /// <summary>Working time left on the procedure clock while it is stopped.</summary>
    [JsonInclude]
    public TimeSpan? RemainingWorkingTime { get; internal set; }

    /// <summary>Set when a step or the whole procedure went overdue.</summary>
    [JsonInclude]
    public bool IsOverdue { get; internal set; }

    [JsonIgnore]
    public IReadOnlyList<WorkflowTask> OpenTasks => TaskList;

    [JsonIgnore]
    public IReadOnlyList<WorkflowTimer> Timers => TimerList;

    [JsonIgnore]
    public IReadOnlyList<JournalEntry> Journal => JournalList;

    /// <summary>Fields set by automatic steps, readable by conditions.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> Fields => FieldMap;

    /// <summary>Branches that reached each join step, by join step id.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> JoinArrivals =>
        ArrivalMap.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.AsReadOnly(), StringComparer.Ordinal);

    [JsonInclude]
    [JsonPropertyName("openTasks")]
    internal List<WorkflowTask> TaskList { get; private set; } = [];

    [JsonInclude]
    [JsonPropertyName("timers")]
    internal List<WorkflowTimer> TimerList { get; private set; } = [];

    [JsonInclude]
    [JsonPropertyName("journal")]
    internal List<JournalEntry> JournalList { get; private set; } = [];

    [JsonInclude]
    [JsonPropertyName("fields")]
    internal Dictionary<string, JsonElement> FieldMap { get; private set; } = new(StringComparer.Ordinal);

    [JsonInclude]
    [JsonPropertyName("joinArrivals")]
    internal Dictionary<string, List<string>> ArrivalMap { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Departments chosen by officials for steps (step id → department code); they override the definition's.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> RoutedDepartments => RoutedDepartmentMap;

    [JsonInclude]
    [JsonPropertyName("routedDepartments")]
    internal Dictionary<string, string> RoutedDepartmentMap { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>How many journal entries the state held when it was read back (0 for a new instance): a store appends only the later ones.</summary>
    [JsonIgnore]
    public int LoadedJournalCount { get; private set; }

    /// <summary>Finds an open task by id.</summary>
    public WorkflowTask? FindTask(Guid taskId) => TaskList.Find(t => t.Id == taskId);

    void IJsonOnDeserialized.OnDeserialized() => LoadedJournalCount = JournalList.Count;
}
