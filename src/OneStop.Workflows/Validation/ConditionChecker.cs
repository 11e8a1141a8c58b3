using System.Globalization;
using NCalc;

namespace OneStop.Workflows.Validation;

internal static class ConditionChecker
{
    public static void Check(string condition, string path, IReadOnlySet<string> knownInputs, ProblemList problems)
    {
        var expression = new Expression(condition, CultureInfo.InvariantCulture);
        if (expression.HasErrors())
        {
            problems.Add(ProblemCode.BadCondition, path,
                $"Condition '{condition}' does not parse: {expression.Error?.InnerException?.Message ?? expression.Error?.Message}",
                $"Điều kiện '{condition}' sai cú pháp.");
            return;
        }

        foreach (var name in expression.GetParameterNames().Distinct(StringComparer.Ordinal))
        {
            if (!knownInputs.Contains(name))
            {
                problems.Add(ProblemCode.UnknownInput, path,
                    $"Condition names '{name}', which is not a declared input.",
                    $"Điều kiện dùng trường '{name}' không có trong danh sách 'inputs'.");
            }
        }
    }
}
