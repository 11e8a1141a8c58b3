using NpgsqlTypes;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.Definitions;

namespace OneStop.Infrastructure.Legacy;

/// <summary>
/// Where each open legacy status of each legacy procedure continues: the workflow of the OneStop procedure it maps to (or the
/// mapping's), the mapped step (falling back to the workflow's first human step), and who that step's task belongs to.
/// </summary>
internal static class LegacyRoutes
{
    private static readonly int[] OpenStatuses = [1, 2, 3, 4, 8];

    public static readonly string[] Columns =
        ["procedure_code", "status", "workflow_id", "workflow_version", "step_id", "step_kind", "role", "department", "agency", "reminder_before"];

    public static readonly NpgsqlDbType[] Types =
    [
        NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
    ];

    /// <summary>The route rows for (legacy procedure code, its OneStop workflow id).</summary>
    public static async IAsyncEnumerable<object?[]> BuildAsync(IEnumerable<(string LegacyCode, string WorkflowId)> procedures, LegacyMapping mapping,
        IWorkflowDefinitionRegistry definitions)
    {
        foreach (var (legacyCode, procedureWorkflow) in procedures)
        {
            foreach (var status in OpenStatuses)
            {
                var (ruleWorkflow, steps) = mapping.StepFor(status, legacyCode);
                var workflowId = ruleWorkflow ?? (procedureWorkflow.Length > 0 ? procedureWorkflow : mapping.DefaultWorkflow);
                if (workflowId is null || definitions.FindLatest(workflowId) is not { } definition)
                {
                    continue;
                }

                var step = steps.Select(definition.FindStep).FirstOrDefault(s => s is { IsHuman: true });
                if (step is null)
                {
                    var start = definition.FindStep(definition.StartStepId);
                    step = start is { IsHuman: true } ? start : definition.Steps.FirstOrDefault(s => s.Kind == StepKind.Task);
                }

                if (step is null)
                {
                    continue;
                }

                var supplement = step.Kind == StepKind.Supplement;
                yield return
                [
                    legacyCode, status, definition.Id, definition.Version, step.Id, supplement ? "supplement" : "task",
                    supplement ? WorkflowRoles.Citizen : step.Assignee!.Role, supplement ? null : step.Assignee!.Department,
                    supplement ? null : step.Assignee!.Agency, supplement ? null : step.ReminderBefore,
                ];
            }
        }

        await Task.CompletedTask;
    }
}
