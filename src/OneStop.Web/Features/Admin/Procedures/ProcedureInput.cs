namespace OneStop.Web.Features.Admin.Procedures;

/// <summary>The procedure editor's fields as posted; numbers stay text so bad input gets a Vietnamese message, not a binder error.</summary>
public sealed class ProcedureInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? FieldCode { get; set; }
    public string? AgencyCode { get; set; }
    public string? Level { get; set; } = "3";
    public string? Fee { get; set; } = "0";
    public string? ProcessingDays { get; set; }
    public string? WorkflowId { get; set; }

    /// <summary>yyyy-MM-dd; empty means now.</summary>
    public string? EffectiveFrom { get; set; }

    /// <summary>The required documents as JSON (written by the editor's script, or by hand).</summary>
    public string? DocumentsJson { get; set; } = "[]";

    /// <summary>The form schema as JSON (written by the form editor's script, or by hand).</summary>
    public string? FormJson { get; set; } = "[]";

    public string? ResultTemplate { get; set; }
}
