namespace OneStop.Core.Procedures;

/// <summary>Everything about a procedure that can change from one version to the next (what a dossier is submitted under).</summary>
public sealed record ProcedureTerms(
    string Name,
    Guid FieldId,
    Guid? AgencyId,
    OnlineLevel Level,
    decimal Fee,
    int ProcessingDays,
    string WorkflowId,
    IReadOnlyList<RequiredDocument> RequiredDocuments,
    IReadOnlyList<FormField> FormSchema,
    string? ResultTemplate);
