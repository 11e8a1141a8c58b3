namespace OneStop.Documents.Models;

/// <summary>One dossier's row in the register.</summary>
public sealed record RegisterEntry
{
    public required int Number { get; init; }

    public required string DossierCode { get; init; }

    public required string ProcedureName { get; init; }

    public int SetCount { get; init; } = 1;

    public required string ApplicantName { get; init; }

    public string? ApplicantAddressAndPhone { get; init; }

    public string? LeadAgency { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public DateTimeOffset? TransferredAt { get; init; }

    /// <summary>When the result (or a supplement request) was produced.</summary>
    public DateTimeOffset? ResultAt { get; init; }

    public DateTimeOffset? ReturnedAt { get; init; }

    public string? Note { get; init; }
}
