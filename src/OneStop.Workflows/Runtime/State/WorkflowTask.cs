using System.Text.Json.Serialization;

namespace OneStop.Workflows.Runtime.State;

/// <summary>An open task: a step waiting for a person (an official, or the applicant for a supplement).</summary>
public sealed class WorkflowTask
{
    [JsonConstructor]
    public WorkflowTask(Guid id, string stepId, string role, string? department, string agency)
    {
        Id = id;
        StepId = stepId;
        Role = role;
        Department = department;
        Agency = agency;
    }

    public Guid Id { get; }

    [JsonInclude]
    public string StepId { get; internal set; }

    [JsonInclude]
    public string Role { get; internal set; }

    [JsonInclude]
    public string? Department { get; internal set; }

    [JsonInclude]
    public string Agency { get; internal set; }

    /// <summary>The user who claimed or was assigned the task, if any.</summary>
    [JsonInclude]
    public string? AssignedTo { get; internal set; }

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? DueAt { get; internal set; }

    [JsonInclude]
    public bool IsOverdue { get; internal set; }

    /// <summary>The parallel step this task's branch belongs to, if any.</summary>
    [JsonInclude]
    public string? Split { get; internal set; }

    /// <summary>The first step of this task's branch, if any.</summary>
    [JsonInclude]
    public string? Branch { get; internal set; }
}
