using OneStop.Documents.Templates;

namespace OneStop.Documents.Models;

/// <summary>Content of a procedure's result document: the template and the dossier's form data that fills it.</summary>
public sealed record ResultDocumentModel
{
    public required DocumentHeader Header { get; init; }

    public required ResultTemplate Template { get; init; }

    public required string DossierCode { get; init; }

    public required Applicant Applicant { get; init; }

    /// <summary>The dossier's form data by field name; also available: dossierCode, applicantName, applicantIdNumber, applicantAddress.</summary>
    public IReadOnlyDictionary<string, string> FormData { get; init; } = new Dictionary<string, string>();

    public required string SignerName { get; init; }

    /// <summary>The title the signer signs under (lines separated by '\n'); the template's signerTitle when null.</summary>
    public string? SignerTitle { get; init; }

    public required Verification Verification { get; init; }
}
