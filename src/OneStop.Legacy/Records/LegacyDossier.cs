namespace OneStop.Legacy.Records;

/// <summary>A ho_so row that won (the last of its code) and passed its checks; dates are Vietnam time (+07:00).</summary>
public sealed record LegacyDossier(
    long Line,
    string Code,
    string ProcedureCode,
    bool ProcedureIsPlaceholder,
    string? AgencyCode,
    string ApplicantName,
    string? IdNumber,
    DateOnly? BirthDate,
    string? Address,
    string? PhoneAsTyped,
    string? Phone,
    string? Email,
    LegacyChannel Channel,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ReturnedAt,
    LegacyDossierStatus Status,
    string? OfficialUserName,
    string? Note)
{
    /// <summary>Whether the dossier continues in a workflow (status 1, 2, 3, 4 or 8).</summary>
    public bool IsOpen => Status.IsOpen();
}
