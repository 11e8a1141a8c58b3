namespace OneStop.Workflows.Validation;

/// <summary>The class of a problem found in a workflow definition.</summary>
public enum ProblemCode
{
    MalformedJson,
    MissingField,
    InvalidValue,
    DuplicateId,
    UnknownTarget,
    UnreachableStep,
    NoPathToEnd,
    NoWayOut,
    UnknownRole,
    UnknownDepartment,
    UnknownAgency,
    BadDuration,
    BadCondition,
    UnknownInput,
    JoinWithoutSplit,
    BranchNeverJoins,
}
