namespace OneStop.Workflows.Validation;

/// <summary>Thrown when a definition that must be valid has problems.</summary>
public sealed class WorkflowValidationException : Exception
{
    public WorkflowValidationException(IReadOnlyList<WorkflowProblem> problems)
        : base("Workflow definition is invalid: " + string.Join("; ", problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    public WorkflowValidationException()
        : this([])
    {
    }

    public WorkflowValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    public WorkflowValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>All problems found.</summary>
    public IReadOnlyList<WorkflowProblem> Problems { get; }

    /// <summary>Vietnamese summary for people.</summary>
    public string MessageVi => "Quy trình không hợp lệ: " + string.Join("; ", Problems.Select(p => $"{p.Path}: {p.MessageVi}"));
}
