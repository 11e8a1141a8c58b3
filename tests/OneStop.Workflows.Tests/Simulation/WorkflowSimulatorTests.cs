using OneStop.Workflows.Calendar;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Simulation;
using OneStop.Workflows.Tests.Support;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Tests.Simulation;

public sealed class WorkflowSimulatorTests
{
    private static readonly WorkingCalendar Calendar = new();
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(7));

    private static WorkflowDefinition Permit() => WorkflowLoader.LoadFile(Path.Combine(RepoPaths.Workflows, "construction-permit-house.json")).Definition!;

    private const string Conditional = """
        {
          "id": "dieu-kien", "version": 1, "name": "Điều kiện", "procedures": ["9.000001"], "inputs": { "area": "number" }, "totalDuration": "2d",
          "steps": [
            { "id": "review", "kind": "task", "name": "Thẩm định", "assignee": { "role": "Specialist", "department": "QLXD" }, "duration": "1d",
              "actions": [ { "id": "big", "label": "Công trình lớn", "target": "big-end", "condition": "area > 100" },
                           { "id": "small", "label": "Công trình nhỏ", "target": "small-end" } ] },
            { "id": "big-end", "kind": "end", "name": "Lớn", "outcome": "completed" },
            { "id": "small-end", "kind": "end", "name": "Nhỏ", "outcome": "rejected" }
          ]
        }
        """;

    [Fact]
    public async Task The_default_walk_takes_every_step_its_full_time_on_the_working_day_calendar_and_fits_the_legal_deadline()
    {
        var result = await WorkflowSimulator.RunAsync(new SimulationRequest(Permit(), Monday, "SXD") { LegalDays = 15 }, Calendar);

        Assert.Equal(["reception", "review", "opinion-qhkt", "opinion-htkt", "summary", "approval", "handover"], result.Steps.Select(s => s.StepId));
        Assert.Equal(EndOutcome.Completed, result.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.FromHours(7)), result.Steps[0].DueAt); // 4 working hours, lunch skipped
        Assert.Equal(result.Steps[0].DueAt, result.Steps[1].OpenedAt);
        Assert.Equal(result.Steps[2].DueAt, result.Steps[3].DueAt); // the two consultations run side by side
        Assert.Equal(12.53m, result.WorkingDaysUsed);
        Assert.True(result.FitsLegalDeadline);
        Assert.True(result.TotalDurationWithinLegal);
        Assert.Empty(result.Warnings);
        Assert.Equal(result.Steps[^1].ActedAt, result.EndedAt);
    }

    [Fact]
    public async Task A_shorter_legal_deadline_is_reported_as_not_met()
    {
        var result = await WorkflowSimulator.RunAsync(new SimulationRequest(Permit(), Monday, "SXD") { LegalDays = 10 }, Calendar);

        Assert.False(result.FitsLegalDeadline);
        Assert.False(result.TotalDurationWithinLegal);
        Assert.Contains(result.Warnings, w => w.Contains("dài hơn thời hạn giải quyết theo quy định (10 ngày", StringComparison.Ordinal));
        Assert.True(result.EndedAt > result.LegalDueAt);
    }

    [Fact]
    public async Task Chosen_actions_are_followed_and_a_loop_is_stopped_with_a_message()
    {
        var rejected = await WorkflowSimulator.RunAsync(new SimulationRequest(Permit(), Monday, "SXD")
        {
            Choices = new Dictionary<string, string> { ["reception"] = "reject" },
        }, Calendar);
        Assert.Equal(EndOutcome.Rejected, rejected.Outcome);
        Assert.Single(rejected.Steps);

        var looping = await WorkflowSimulator.RunAsync(new SimulationRequest(Permit(), Monday, "SXD")
        {
            Choices = new Dictionary<string, string> { ["reception"] = "requestSupplement", ["supplement"] = "resubmit" },
        }, Calendar);
        Assert.Null(looping.EndedAt);
        Assert.Contains(looping.Warnings, w => w.Contains("lặp lại quá 3 lần", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conditions_read_the_sample_inputs()
    {
        var definition = WorkflowLoader.LoadValid(Conditional);

        var big = await WorkflowSimulator.RunAsync(new SimulationRequest(definition, Monday, "SXD") { Inputs = new Dictionary<string, object?> { ["area"] = 150m } }, Calendar);
        var small = await WorkflowSimulator.RunAsync(new SimulationRequest(definition, Monday, "SXD")
        {
            Inputs = new Dictionary<string, object?> { ["area"] = 50m },
            Choices = new Dictionary<string, string> { ["review"] = "big" },
        }, Calendar);

        Assert.Equal("big-end", big.EndStepId);
        Assert.Equal("small-end", small.EndStepId);
        Assert.Contains(small.Warnings, w => w.Contains("thao tác 'big' không thỏa điều kiện", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_draft_is_not_simulated()
    {
        var definition = WorkflowLoader.Load(Conditional.Replace("\"target\": \"big-end\"", "\"target\": \"khong-co\"", StringComparison.Ordinal)).Definition!;

        await Assert.ThrowsAsync<WorkflowValidationException>(() => WorkflowSimulator.RunAsync(new SimulationRequest(definition, Monday, "SXD"), Calendar));
    }
}
