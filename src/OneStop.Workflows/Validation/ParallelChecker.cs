using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Validation;

internal static class ParallelChecker
{
    public static void Check(WorkflowDefinition def, IReadOnlyDictionary<string, int> index, ProblemList problems)
    {
        var edges = def.Steps.Where(s => s.Id.Length > 0).GroupBy(s => s.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => GraphChecker.Successors(g.First()).Where(index.ContainsKey).ToList(), StringComparer.Ordinal);
        var splitsByJoin = def.Steps.Where(s => s.Kind == StepKind.Parallel && s.JoinStep is not null)
            .GroupBy(s => s.JoinStep!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        for (var i = 0; i < def.Steps.Count; i++)
        {
            var step = def.Steps[i];
            if (step.Kind == StepKind.Join && !splitsByJoin.ContainsKey(step.Id))
            {
                problems.Add(ProblemCode.JoinWithoutSplit, $"$.steps[{i}]",
                    $"Join step '{step.Id}' is not the joinStep of any parallel step.",
                    $"Bước hợp nhất '{step.Id}' không thuộc bước song song nào (thiếu 'joinStep').");
            }
            else if (step.Kind == StepKind.Join && splitsByJoin[step.Id] > 1)
            {
                problems.Add(ProblemCode.JoinWithoutSplit, $"$.steps[{i}]",
                    $"Join step '{step.Id}' is shared by several parallel steps.",
                    $"Bước hợp nhất '{step.Id}' được nhiều bước song song dùng chung.");
            }

            if (step.Kind != StepKind.Parallel || step.JoinStep is null || !index.ContainsKey(step.JoinStep))
                continue;
            for (var b = 0; b < step.Branches.Count; b++)
            {
                var branch = step.Branches[b];
                if (index.ContainsKey(branch) && !GraphChecker.Reach(branch, edges).Contains(step.JoinStep))
                {
                    problems.Add(ProblemCode.BranchNeverJoins, $"$.steps[{i}].branches[{b}]",
                        $"Branch '{branch}' never reaches join step '{step.JoinStep}'.",
                        $"Nhánh '{branch}' không bao giờ tới bước hợp nhất '{step.JoinStep}'.");
                }
            }
        }
    }
}
