using System.Globalization;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Definitions;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Runtime.Store;
using OneStop.Workflows.Validation;
using OneStop.Core.Common;

namespace OneStop.Workflows.Simulation;

/// <summary>
/// Walks a sample dossier through a draft definition on the real engine (in memory, nothing stored): each task is acted on
/// when it falls due, so the dates are those the working-day calendar gives when every step takes its full time.
/// </summary>
public static class WorkflowSimulator
{
    private const string Applicant = "applicant";
    private const int MaxActions = 200;

    /// <summary>Runs the walk; throws <see cref="WorkflowValidationException"/> when the draft is not valid.</summary>
    public static async Task<SimulationResult> RunAsync(SimulationRequest request, WorkingCalendar calendar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(calendar);
        var definition = request.Definition;
        var registry = new WorkflowDefinitionRegistry();
        registry.Publish(definition);
        var clock = new SimulationClock(request.Start);
        var engine = new WorkflowEngine(registry, new InMemoryWorkflowStore(), calendar, clock);
        var result = await engine.StartAsync(new StartWorkflowRequest("MO-PHONG", request.ReceivingAgency, new WorkflowActor(Applicant, WorkflowRoles.Citizen))
        {
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            ApplicantId = Applicant,
        }, cancellationToken).ConfigureAwait(false);
        var totalDue = result.Instance.TotalDueAt;
        var steps = new List<SimulatedStep>();
        var warnings = new List<string>();
        var visits = new Dictionary<string, int>(StringComparer.Ordinal);
        var instance = result.Instance;
        for (var n = 0; n < MaxActions && instance.Status != InstanceStatus.Ended; n++)
        {
            var task = instance.OpenTasks.OrderBy(t => t.DueAt ?? t.CreatedAt).First();
            var step = definition.GetStep(task.StepId);
            visits[step.Id] = visits.GetValueOrDefault(step.Id) + 1;
            if (visits[step.Id] > request.MaxVisitsPerStep)
            {
                warnings.Add($"Dừng mô phỏng: bước '{step.Name}' lặp lại quá {request.MaxVisitsPerStep} lần với các thao tác đã chọn.");
                break;
            }

            clock.MoveTo(task.DueAt ?? clock.GetUtcNow());
            var actor = task.Role == WorkflowRoles.Citizen
                ? new WorkflowActor(Applicant, WorkflowRoles.Citizen)
                : new WorkflowActor("mo-phong-" + task.Role, task.Role, task.Agency, task.Department);
            var available = (await engine.ListAvailableActionsAsync(instance.Id, actor, request.Inputs, cancellationToken).ConfigureAwait(false))
                .Where(a => a.TaskId == task.Id).ToList();
            if (available.Count == 0)
            {
                warnings.Add($"Dừng mô phỏng: ở bước '{step.Name}' không có thao tác nào thỏa điều kiện với dữ liệu mẫu.");
                break;
            }

            var chosen = available[0];
            if (request.Choices.TryGetValue(step.Id, out var choice))
            {
                var match = available.Find(a => a.ActionId == choice);
                if (match is null)
                    warnings.Add($"Bước '{step.Name}': thao tác '{choice}' không thỏa điều kiện với dữ liệu mẫu, dùng '{chosen.Label}'.");
                chosen = match ?? chosen;
            }

            var action = step.Actions.Find(a => a.Id == chosen.ActionId)!;
            result = await engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, chosen.ActionId, actor)
            {
                Comment = "Mô phỏng",
                Files = action.RequiresFile ? ["mo-phong.pdf"] : [],
                FormData = request.Inputs,
            }, cancellationToken).ConfigureAwait(false);
            steps.Add(new SimulatedStep(step.Id, step.Name, Describe(task), task.CreatedAt, task.DueAt, clock.GetUtcNow().ToOffset(VietnamTime.Offset),
                chosen.ActionId, chosen.Label, action.Target, task.Branch));
            instance = result.Instance;
            totalDue ??= instance.TotalDueAt;
        }

        var countingStart = calendar.CountingStart(request.Start);
        var end = instance.EndedAt ?? (steps.Count > 0 ? steps[^1].ActedAt : countingStart);
        var used = (decimal)(calendar.WorkingTimeBetween(countingStart, end) / calendar.WorkingDayLength);
        var legalDue = request.LegalDays is { } days ? calendar.AddWorkingDays(request.Start, days) : (DateTimeOffset?)null;
        bool? totalWithin = null;
        if (request.LegalDays is { } legal && WorkflowDuration.TryParse(definition.TotalDuration, out var total))
        {
            var totalDays = total.Unit == DurationUnit.WorkingDays ? total.Amount : total.Amount / calendar.WorkingDayLength.TotalHours;
            totalWithin = totalDays <= legal;
            if (totalWithin == false)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Tổng thời hạn của quy trình ({definition.TotalDuration}) dài hơn thời hạn giải quyết theo quy định ({legal} ngày làm việc)."));
            }
        }

        if (instance.Status != InstanceStatus.Ended && warnings.Count == 0)
            warnings.Add("Dừng mô phỏng: quá nhiều thao tác.");
        return new SimulationResult(steps, warnings)
        {
            Start = request.Start.ToOffset(VietnamTime.Offset),
            CountingStart = countingStart,
            EndedAt = instance.EndedAt,
            Outcome = instance.Outcome,
            EndStepId = instance.EndStepId,
            WorkingDaysUsed = Math.Round(used, 2),
            TotalDueAt = totalDue,
            LegalDueAt = legalDue,
            FitsLegalDeadline = legalDue is { } due && instance.EndedAt is { } ended ? ended <= due : null,
            TotalDurationWithinLegal = totalWithin,
        };
    }

    private static string Describe(WorkflowTask task) =>
        task.Role == WorkflowRoles.Citizen ? "Người nộp hồ sơ" : $"{task.Role} · {task.Department} · {task.Agency}";
}
