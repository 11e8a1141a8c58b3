namespace OneStop.Workflows.Runtime;

/// <summary>Starts a workflow for a dossier; the definition is chosen by id (latest version unless given) or by procedure code.</summary>
public sealed record StartWorkflowRequest(string DossierCode, string ReceivingAgency, WorkflowActor StartedBy)
{
    public string? DefinitionId { get; init; }

    public int? DefinitionVersion { get; init; }

    public string? ProcedureCode { get; init; }

    public string? ApplicantId { get; init; }

    public Guid? InstanceId { get; init; }
}
