using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Validation;

internal static class GraphChecker
{
    public static IEnumerable<string> Successors(StepDefinition step) => step.Kind switch
    {
        StepKind.Task or StepKind.Supplement => step.Actions.Select(a => a.Target).OfType<string>(),
        StepKind.Parallel => step.Branches,
        StepKind.Join or StepKind.Auto => step.Next is null ? [] : [step.Next],
        _ => [],
    };

    public static void Check(WorkflowDefinition def, IReadOnlyDictionary<string, int> index, ISet<string> noWayOut, ProblemList problems)
    {
        var edges = def.Steps.Where(s => s.Id.Length > 0).GroupBy(s => s.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Successors(g.First()).Where(index.ContainsKey).ToList(), StringComparer.Ordinal);

        if (index.ContainsKey(def.StartStepId))
        {
            var reachable = Reach(def.StartStepId, edges);
            foreach (var (id, i) in index.Where(p => !reachable.Contains(p.Key)).OrderBy(p => p.Value))
            {
                problems.Add(ProblemCode.UnreachableStep, $"$.steps[{i}]",
                    $"Step '{id}' cannot be reached from the start step '{def.StartStepId}'.",
                    $"Bước '{id}' không thể đến được từ bước bắt đầu '{def.StartStepId}'.");
            }
        }

        var ends = def.Steps.Where(s => s.Kind == StepKind.End).Select(s => s.Id).ToList();
        if (ends.Count == 0)
        {
            problems.Add(ProblemCode.NoPathToEnd, "$.steps", "The workflow has no end step.", "Quy trình không có bước kết thúc.");
            return;
        }

        var reverse = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (from, targets) in edges)
        {
            foreach (var to in targets)
            {
                if (!reverse.TryGetValue(to, out var list))
                    reverse[to] = list = [];
                list.Add(from);
            }
        }

        var canEnd = new HashSet<string>(StringComparer.Ordinal);
        foreach (var end in ends)
            canEnd.UnionWith(Reach(end, reverse));

        foreach (var (id, i) in index.Where(p => !canEnd.Contains(p.Key) && !noWayOut.Contains(p.Key)).OrderBy(p => p.Value))
        {
            problems.Add(ProblemCode.NoPathToEnd, $"$.steps[{i}]",
                $"No path leads from step '{id}' to an end step.",
                $"Từ bước '{id}' không có đường nào dẫn tới bước kết thúc.");
        }
    }

    public static HashSet<string> Reach(string from, IReadOnlyDictionary<string, List<string>> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var current))
        {
            if (!edges.TryGetValue(current, out var next))
                continue;
            foreach (var n in next.Where(seen.Add))
                queue.Enqueue(n);
        }

        return seen;
    }
}
