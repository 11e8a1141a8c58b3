namespace OneStop.Web.Features.Admin.Workflows;

/// <summary>A simulation asked for from the console or the API: the draft, when the sample dossier arrives, where, and what is chosen.</summary>
public sealed record SimulationInput
{
    public string Json { get; init; } = "";

    /// <summary>When the sample dossier is received (Vietnam time if no offset); now when missing.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The receiving agency's code; the procedure's agency (or the first agency) when missing.</summary>
    public string? Agency { get; init; }

    /// <summary>The legal deadline in working days; the procedure's processing time when missing.</summary>
    public int? LegalDays { get; init; }

    /// <summary>Step id → action id.</summary>
    public Dictionary<string, string> Choices { get; init; } = [];

    /// <summary>Sample values of the definition's inputs.</summary>
    public Dictionary<string, string> Inputs { get; init; } = [];
}
