using OneStop.Core.Common;

namespace OneStop.Core.Procedures;

/// <summary>An administrative procedure (thủ tục hành chính) in the catalogue.</summary>
public sealed class Procedure
{
    private Procedure()
    {
        Code = string.Empty;
        Name = string.Empty;
        WorkflowId = string.Empty;
    }

    public Procedure(string code, string name, Guid fieldId, Guid? agencyId, OnlineLevel level, decimal fee, int processingDays, string workflowId)
    {
        if (processingDays < 0 || fee < 0)
        {
            throw new DomainException("procedure.invalid", "Thời hạn giải quyết và lệ phí không được âm.");
        }

        Id = Guid.NewGuid();
        Code = Text.Clean(code);
        Name = Text.Clean(name);
        FieldId = fieldId;
        AgencyId = agencyId;
        Level = level;
        Fee = fee;
        ProcessingDays = processingDays;
        WorkflowId = workflowId;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>The national procedure code, e.g. 1.002804.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public Guid FieldId { get; private set; }

    /// <summary>The agency that handles it; null when the applicant chooses a commune.</summary>
    public Guid? AgencyId { get; private set; }

    public OnlineLevel Level { get; private set; }

    public decimal Fee { get; private set; }

    public int ProcessingDays { get; private set; }

    public string WorkflowId { get; private set; }

    public List<RequiredDocument> RequiredDocuments { get; private set; } = [];

    public List<FormField> FormSchema { get; private set; } = [];

    /// <summary>The result document template (JSON of OneStop.Documents.Templates.ResultTemplate), or null.</summary>
    public string? ResultTemplate { get; private set; }

    /// <summary>Whether citizens can apply; legacy-only placeholders are inactive.</summary>
    public bool IsActive { get; private set; }

    public void Describe(IEnumerable<RequiredDocument> documents, IEnumerable<FormField> form, string? resultTemplate)
    {
        RequiredDocuments = [.. documents];
        FormSchema = [.. form];
        ResultTemplate = resultTemplate;
    }

    public void Deactivate() => IsActive = false;

    /// <summary>The version of the terms the catalogue currently shows (0 before the first version was recorded).</summary>
    public int CurrentVersion { get; private set; }

    /// <summary>Publishes the procedure: citizens can find it and apply.</summary>
    public void Publish() => IsActive = true;

    /// <summary>Changes the national code (the caller checks it is unused and that no dossier refers to the old one).</summary>
    public void Recode(string code) => Code = Text.Clean(code);

    /// <summary>Makes a version's terms the ones the catalogue shows; an older version than the current one is ignored.</summary>
    public void Apply(ProcedureVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.ProcedureId != Id || version.Number <= CurrentVersion)
        {
            return;
        }

        var terms = version.Terms;
        Name = terms.Name;
        FieldId = terms.FieldId;
        AgencyId = terms.AgencyId;
        Level = terms.Level;
        Fee = terms.Fee;
        ProcessingDays = terms.ProcessingDays;
        WorkflowId = terms.WorkflowId;
        Describe(terms.RequiredDocuments, terms.FormSchema, terms.ResultTemplate);
        CurrentVersion = version.Number;
    }

    /// <summary>A detached copy carrying a version's terms, for what is said about a dossier submitted under that version.</summary>
    public Procedure AsVersion(ProcedureVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var copy = (Procedure)MemberwiseClone();
        copy.Name = version.Name;
        copy.FieldId = version.FieldId;
        copy.AgencyId = version.AgencyId;
        copy.Level = version.Level;
        copy.Fee = version.Fee;
        copy.ProcessingDays = version.ProcessingDays;
        copy.WorkflowId = version.WorkflowId;
        copy.RequiredDocuments = [.. version.RequiredDocuments];
        copy.FormSchema = [.. version.FormSchema];
        copy.ResultTemplate = version.ResultTemplate;
        return copy;
    }

    /// <summary>The terms as they stand on this row.</summary>
    public ProcedureTerms Terms => new(Name, FieldId, AgencyId, Level, Fee, ProcessingDays, WorkflowId, RequiredDocuments, FormSchema, ResultTemplate);
}
