using System.Text;
using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Diagrams;

/// <summary>Writes a Mermaid flowchart of a workflow definition.</summary>
public static class MermaidDiagramWriter
{
    /// <summary>Returns Mermaid "flowchart TD" text: tasks as boxes, supplements as stadiums, splits/joins as hexagons, ends as circles.</summary>
    public static string Write(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var sb = new StringBuilder();
        sb.Append("---\ntitle: ").Append(Escape($"{definition.Name} (v{definition.Version})")).Append("\n---\n");
        sb.Append("flowchart TD\n");
        sb.Append("    start_((\" \")) --> ").Append(Node(definition.StartStepId)).Append('\n');
        foreach (var step in definition.Steps)
            sb.Append("    ").Append(Node(step.Id)).Append(Shape(step)).Append('\n');
        foreach (var step in definition.Steps)
            WriteEdges(sb, step);
        sb.Append("    classDef task fill:#e8f1fb,stroke:#1f5fa8\n");
        sb.Append("    classDef wait fill:#fff4d6,stroke:#b07d00\n");
        sb.Append("    classDef auto fill:#eef7ee,stroke:#2e7d32\n");
        sb.Append("    classDef done fill:#f3e5f5,stroke:#6a1b9a\n");
        foreach (var group in definition.Steps.GroupBy(ClassOf))
            sb.Append("    class ").AppendJoin(',', group.Select(s => Node(s.Id))).Append(' ').Append(group.Key).Append('\n');
        return sb.ToString();
    }

    private static void WriteEdges(StringBuilder sb, StepDefinition step)
    {
        var from = Node(step.Id);
        foreach (var action in step.Actions.Where(a => a.Target is not null))
        {
            var label = action.Condition is null ? action.Label : $"{action.Label} [{action.Condition}]";
            sb.Append("    ").Append(from).Append(" -->|\"").Append(Escape(label)).Append("\"| ").Append(Node(action.Target!)).Append('\n');
        }

        foreach (var branch in step.Branches)
            sb.Append("    ").Append(from).Append(" ==> ").Append(Node(branch)).Append('\n');
        if (step.Next is not null)
            sb.Append("    ").Append(from).Append(" --> ").Append(Node(step.Next)).Append('\n');
    }

    private static string Shape(StepDefinition step)
    {
        var text = step.Kind switch
        {
            StepKind.Task => $"{step.Name}<br/><small>{step.Assignee?.Role} · {step.Assignee?.Department}" +
                $"{(step.Assignee?.Agency is { } a ? " @ " + a : "")} · {step.Duration}</small>",
            StepKind.Parallel => $"{step.Name}<br/><small>song song, chờ {(step.Join == JoinMode.All ? "tất cả" : "một")}</small>",
            StepKind.Auto => $"{step.Name}<br/><small>{string.Join(", ", step.Do.Select(Describe))}</small>",
            StepKind.End => $"{step.Name}<br/><small>{OutcomeVi(step.Outcome)}</small>",
            _ => step.Name,
        };
        var t = Escape(text);
        return step.Kind switch
        {
            StepKind.Task => $"[\"{t}\"]",
            StepKind.Supplement => $"([\"{t}\"])",
            StepKind.Parallel or StepKind.Join => $"{{{{\"{t}\"}}}}",
            StepKind.Auto => $"[[\"{t}\"]]",
            _ => $"((\"{t}\"))",
        };
    }

    private static string Describe(AutoOperation op) =>
        op.Issue is not null ? "issue " + op.Issue
        : op.Notify is not null ? "notify " + op.Notify
        : op.Set is not null ? "set " + op.Set
        : "webhook " + op.Webhook;

    private static string ClassOf(StepDefinition step) => step.Kind switch
    {
        StepKind.Task => "task",
        StepKind.Supplement => "wait",
        StepKind.End => "done",
        _ => "auto",
    };

    private static string Node(string id) => "s_" + id.Replace('-', '_');

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);

    private static string OutcomeVi(EndOutcome? outcome) => outcome switch
    {
        EndOutcome.Completed => "hoàn thành",
        EndOutcome.Rejected => "từ chối",
        EndOutcome.Withdrawn => "rút hồ sơ",
        EndOutcome.Cancelled => "hủy",
        EndOutcome.Transferred => "chuyển xử lý",
        _ => "",
    };
}
