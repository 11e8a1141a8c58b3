using System.Text.RegularExpressions;
using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Validation;

internal static partial class StepChecker
{
    /// <summary>Checks one step; returns false when the step has no way out.</summary>
    public static bool Check(StepDefinition step, string path, StepCheckContext ctx)
    {
        var p = ctx.Problems;
        if (step.Id.Length == 0)
            p.Missing(path + ".id", "id");
        else if (!IdPattern().IsMatch(step.Id))
            p.Invalid(path + ".id", $"Step id '{step.Id}' must be letters, digits and '-'.", $"Mã bước '{step.Id}' chỉ gồm chữ, số và '-'.");
        if (string.IsNullOrWhiteSpace(step.Name))
            p.Missing(path + ".name", "name");

        switch (step.Kind)
        {
            case StepKind.Task:
                CheckAssignee(step.Assignee, path + ".assignee", ctx);
                if (step.Duration is null)
                    p.Missing(path + ".duration", "duration");
                if (step.EscalateAfter is not null)
                    CheckDuration(step.EscalateAfter, path + ".escalateAfter", p);
                goto case StepKind.Supplement;
            case StepKind.Supplement:
                if (step.Duration is not null)
                    CheckDuration(step.Duration, path + ".duration", p);
                if (step.ReminderBefore is not null)
                    CheckDuration(step.ReminderBefore, path + ".reminderBefore", p);
                return CheckActions(step, path, ctx);
            case StepKind.Parallel:
                return CheckParallel(step, path, ctx);
            case StepKind.Join:
            case StepKind.Auto:
                CheckOperations(step, path, p);
                return CheckTarget(step.Next, path + ".next", "next", ctx);
            default:
                if (step.Outcome is null)
                    p.Missing(path + ".outcome", "outcome");
                return true;
        }
    }

    public static void CheckDuration(string text, string path, ProblemList p)
    {
        if (!WorkflowDuration.TryParse(text, out _))
        {
            p.Add(ProblemCode.BadDuration, path, $"Duration '{text}' must look like '5d' (working days) or '4h' (working hours).",
                $"Thời hạn '{text}' phải có dạng '5d' (ngày làm việc) hoặc '4h' (giờ làm việc).");
        }
    }

    private static bool CheckActions(StepDefinition step, string path, StepCheckContext ctx)
    {
        var p = ctx.Problems;
        if (step.Actions.Count == 0)
        {
            p.Add(ProblemCode.NoWayOut, path + ".actions", $"Step '{step.Id}' has no actions, so no way out.",
                $"Bước '{step.Id}' không có thao tác nào để đi tiếp.");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < step.Actions.Count; i++)
        {
            var action = step.Actions[i];
            var ap = $"{path}.actions[{i}]";
            if (action.Id.Length == 0)
                p.Missing(ap + ".id", "id");
            else if (!seen.Add(action.Id))
                p.Add(ProblemCode.DuplicateId, ap + ".id", $"Action id '{action.Id}' is used twice in step '{step.Id}'.", $"Mã thao tác '{action.Id}' bị trùng trong bước '{step.Id}'.");
            if (string.IsNullOrWhiteSpace(action.Label))
                p.Missing(ap + ".label", "label");
            CheckTarget(action.Target, ap + ".target", "target", ctx);
            if (action.Condition is not null)
                ConditionChecker.Check(action.Condition, ap + ".condition", ctx.KnownInputs, p);
            CheckDepartmentChoice(action, ap, ctx);
            for (var d = 0; d < action.Issues.Count; d++)
            {
                if (!DocumentPattern().IsMatch(action.Issues[d]))
                    p.Invalid($"{ap}.issues[{d}]", $"'{action.Issues[d]}' is not a document kind like 'receipt'.", $"'{action.Issues[d]}' không phải loại giấy tờ hợp lệ.");
            }
        }

        return true;
    }

    private static void CheckDepartmentChoice(ActionDefinition action, string path, StepCheckContext ctx)
    {
        if (action.ChooseDepartment.Count == 0 || action.Target is null || ctx.Definition.FindStep(action.Target) is not { } target)
            return;
        if (target.Kind != StepKind.Task || target.Assignee is null)
        {
            ctx.Problems.Invalid(path + ".chooseDepartment", $"Only an action leading to a task step can let the official choose its department ('{target.Id}' is not one).",
                $"Chỉ thao tác chuyển đến một bước xử lý mới cho chọn phòng xử lý ('{target.Id}' không phải bước xử lý).");
            return;
        }

        for (var d = 0; d < action.ChooseDepartment.Count; d++)
        {
            var department = action.ChooseDepartment[d];
            if (department.Length == 0 || (ctx.Catalog is { } catalog && !catalog.IsKnownDepartment(department, target.Assignee.Agency)))
                ctx.Problems.Add(ProblemCode.UnknownDepartment, $"{path}.chooseDepartment[{d}]", $"Unknown department '{department}'.",
                    $"Phòng ban '{department}' không tồn tại.");
        }
    }

    private static bool CheckParallel(StepDefinition step, string path, StepCheckContext ctx)
    {
        var p = ctx.Problems;
        if (step.Branches.Count < 2)
            p.Invalid(path + ".branches", "A parallel step needs at least two branches.", "Bước song song cần ít nhất hai nhánh.");
        for (var i = 0; i < step.Branches.Count; i++)
        {
            var bp = $"{path}.branches[{i}]";
            if (CheckTarget(step.Branches[i], bp, "branch", ctx) && ctx.Definition.FindStep(step.Branches[i]) is { Kind: not StepKind.Task } other)
                p.Invalid(bp, $"Branch '{other.Id}' must start with a task step.", $"Nhánh '{other.Id}' phải bắt đầu bằng một bước xử lý.");
        }

        if (step.JoinStep is null)
        {
            p.Missing(path + ".joinStep", "joinStep");
        }
        else if (!ctx.Index.ContainsKey(step.JoinStep))
        {
            CheckTarget(step.JoinStep, path + ".joinStep", "joinStep", ctx);
        }
        else if (ctx.Definition.FindStep(step.JoinStep)!.Kind != StepKind.Join)
        {
            p.Add(ProblemCode.JoinWithoutSplit, path + ".joinStep", $"joinStep '{step.JoinStep}' is not a join step.",
                $"'joinStep' '{step.JoinStep}' không phải bước hợp nhất (kind: join).");
        }

        return step.Branches.Count > 0;
    }

    private static bool CheckTarget(string? target, string path, string field, StepCheckContext ctx)
    {
        if (string.IsNullOrEmpty(target))
        {
            ctx.Problems.Add(ProblemCode.NoWayOut, path, $"'{field}' is missing, so there is no way out.", $"Thiếu '{field}': không có đường đi tiếp.");
            return false;
        }

        if (!ctx.Index.ContainsKey(target))
        {
            ctx.Problems.Add(ProblemCode.UnknownTarget, path, $"Step '{target}' does not exist.", $"Bước '{target}' không tồn tại.");
            return false;
        }

        return true;
    }

    private static void CheckOperations(StepDefinition step, string path, ProblemList p)
    {
        for (var i = 0; i < step.Do.Count; i++)
        {
            var op = step.Do[i];
            var count = new[] { op.Issue, op.Notify, op.Set, op.Webhook }.Count(x => x is not null);
            if (count != 1)
                p.Invalid($"{path}.do[{i}]", "Each operation has exactly one of issue, notify, set, webhook.", "Mỗi thao tác tự động chỉ có đúng một trong: issue, notify, set, webhook.");
            if (op.Set is not null && op.Value is null)
                p.Missing($"{path}.do[{i}].value", "value");
        }
    }

    private static void CheckAssignee(AssigneeDefinition? assignee, string path, StepCheckContext ctx)
    {
        var p = ctx.Problems;
        if (assignee is null)
        {
            p.Missing(path, "assignee");
            return;
        }

        if (!WorkflowRoles.All.Contains(assignee.Role))
            p.Add(ProblemCode.UnknownRole, path + ".role", $"Unknown role '{assignee.Role}'; expected one of {string.Join(", ", WorkflowRoles.All)}.", $"Vai trò '{assignee.Role}' không tồn tại.");
        if (assignee.Department.Length == 0)
            p.Missing(path + ".department", "department");
        if (ctx.Catalog is null)
            return;
        if (assignee.Agency is not null && !ctx.Catalog.IsKnownAgency(assignee.Agency))
            p.Add(ProblemCode.UnknownAgency, path + ".agency", $"Unknown agency '{assignee.Agency}'.", $"Cơ quan '{assignee.Agency}' không tồn tại.");
        else if (assignee.Department.Length > 0 && !ctx.Catalog.IsKnownDepartment(assignee.Department, assignee.Agency))
            p.Add(ProblemCode.UnknownDepartment, path + ".department", $"Unknown department '{assignee.Department}'{(assignee.Agency is null ? "" : $" in agency '{assignee.Agency}'")}.", $"Phòng ban '{assignee.Department}' không tồn tại.");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex DocumentPattern();
}
