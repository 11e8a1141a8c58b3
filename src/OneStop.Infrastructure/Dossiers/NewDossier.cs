using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>A dossier as it is handed in: procedure, receiving agency, applicant and form data.</summary>
public sealed record NewDossier(string ProcedureCode, string? AgencyCode, Applicant Applicant, Guid? ApplicantUserId,
    SubmissionChannel Channel, string FormDataJson);
