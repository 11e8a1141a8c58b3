using System.Text.RegularExpressions;
using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Validation;

/// <summary>Checks a workflow definition and reports every problem at once.</summary>
public static partial class WorkflowValidator
{
    /// <summary>Returns all problems; organisation checks run only when a catalog is given.</summary>
    public static IReadOnlyList<WorkflowProblem> Validate(WorkflowDefinition definition, OrganisationCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new ProblemList();
        CheckHeader(definition, problems);

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var id = definition.Steps[i].Id;
            if (id.Length == 0)
                continue;
            if (!index.TryAdd(id, i))
            {
                problems.Add(ProblemCode.DuplicateId, $"$.steps[{i}].id",
                    $"Step id '{id}' is already used by $.steps[{index[id]}].",
                    $"Mã bước '{id}' bị trùng với $.steps[{index[id]}].");
            }
        }

        if (definition.Steps.Count > 0 && !index.ContainsKey(definition.StartStepId))
        {
            problems.Add(ProblemCode.UnknownTarget, "$.start",
                $"Start step '{definition.StartStepId}' does not exist.",
                $"Bước bắt đầu '{definition.StartStepId}' không tồn tại.");
        }

        var knownInputs = new HashSet<string>(definition.Inputs.Keys, StringComparer.Ordinal);
        knownInputs.UnionWith(definition.Steps.SelectMany(s => s.Do).Select(o => o.Set).OfType<string>());
        var context = new StepCheckContext(definition, index, knownInputs, catalog, problems);
        var noWayOut = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            if (!StepChecker.Check(definition.Steps[i], $"$.steps[{i}]", context))
                noWayOut.Add(definition.Steps[i].Id);
        }

        if (definition.Steps.Count > 0)
        {
            GraphChecker.Check(definition, index, noWayOut, problems);
            ParallelChecker.Check(definition, index, problems);
        }

        return problems.Items;
    }

    private static void CheckHeader(WorkflowDefinition definition, ProblemList problems)
    {
        if (definition.Id.Length == 0)
            problems.Missing("$.id", "id");
        else if (!IdPattern().IsMatch(definition.Id))
            problems.Invalid("$.id", "Id must be lower-case letters, digits and '-'.", "Mã quy trình chỉ gồm chữ thường, chữ số và '-'.");
        if (definition.Version < 1)
            problems.Invalid("$.version", "Version must be 1 or more.", "Phiên bản phải từ 1 trở lên.");
        if (string.IsNullOrWhiteSpace(definition.Name))
            problems.Missing("$.name", "name");
        if (definition.Procedures.Count == 0)
            problems.Missing("$.procedures", "procedures");
        for (var i = 0; i < definition.Procedures.Count; i++)
        {
            if (!ProcedureCodePattern().IsMatch(definition.Procedures[i]))
            {
                problems.Invalid($"$.procedures[{i}]", $"'{definition.Procedures[i]}' is not a national procedure code like 1.009994.",
                    $"'{definition.Procedures[i]}' không phải mã thủ tục quốc gia (ví dụ 1.009994).");
            }
        }

        foreach (var name in definition.Inputs.Keys.Where(k => !InputNamePattern().IsMatch(k)))
            problems.Invalid($"$.inputs.{name}", $"Input name '{name}' is not an identifier.", $"Tên trường '{name}' không hợp lệ.");
        if (definition.TotalDuration is not null)
            StepChecker.CheckDuration(definition.TotalDuration, "$.totalDuration", problems);
        if (definition.Steps.Count == 0)
            problems.Missing("$.steps", "steps");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9]\.[0-9]{6}$")]
    private static partial Regex ProcedureCodePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex InputNamePattern();
}
