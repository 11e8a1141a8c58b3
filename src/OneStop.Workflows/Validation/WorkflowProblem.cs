namespace OneStop.Workflows.Validation;

/// <summary>One problem in a workflow definition, located by a JSON path, described in English and Vietnamese.</summary>
public sealed record WorkflowProblem(ProblemCode Code, string Path, string Message, string MessageVi)
{
    /// <summary>1-based line of a JSON syntax error, when known.</summary>
    public long? Line { get; init; }

    /// <summary>1-based byte position in the line of a JSON syntax error, when known.</summary>
    public long? Position { get; init; }

    public override string ToString() =>
        Line is null ? $"{Path}: {Message} ({Code})" : $"{Path} (line {Line}, position {Position}): {Message} ({Code})";
}
