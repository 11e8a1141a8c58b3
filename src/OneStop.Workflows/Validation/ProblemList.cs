namespace OneStop.Workflows.Validation;

internal sealed class ProblemList
{
    public List<WorkflowProblem> Items { get; } = [];

    public void Add(ProblemCode code, string path, string message, string messageVi) =>
        Items.Add(new WorkflowProblem(code, path, message, messageVi));

    public void Missing(string path, string field) =>
        Add(ProblemCode.MissingField, path, $"'{field}' is required.", $"Thiếu trường bắt buộc '{field}'.");

    public void Invalid(string path, string message, string messageVi) =>
        Add(ProblemCode.InvalidValue, path, message, messageVi);
}
