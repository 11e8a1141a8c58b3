using OneStop.Core.Common;

namespace OneStop.Core.Procedures;

/// <summary>
/// An immutable version of a procedure's terms, in force from <see cref="EffectiveFrom"/>; a dossier keeps the version it was
/// submitted under, so later changes to fees, deadline or form never reach it.
/// </summary>
public sealed class ProcedureVersion
{
    private ProcedureVersion()
    {
        Name = string.Empty;
        WorkflowId = string.Empty;
    }

    public ProcedureVersion(Guid procedureId, int number, ProcedureTerms terms, DateTimeOffset effectiveFrom, DateTimeOffset createdAt, string? createdBy)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (number < 1)
        {
            throw new DomainException("procedure_version.number", "Số phiên bản phải từ 1 trở lên.");
        }

        Id = Guid.NewGuid();
        ProcedureId = procedureId;
        Number = number;
        EffectiveFrom = effectiveFrom;
        CreatedAt = createdAt;
        CreatedBy = Text.CleanOrNull(createdBy);
        Name = Text.Clean(terms.Name);
        FieldId = terms.FieldId;
        AgencyId = terms.AgencyId;
        Level = terms.Level;
        Fee = terms.Fee;
        ProcessingDays = terms.ProcessingDays;
        WorkflowId = terms.WorkflowId;
        RequiredDocuments = [.. terms.RequiredDocuments];
        FormSchema = [.. terms.FormSchema];
        ResultTemplate = terms.ResultTemplate;
    }

    public Guid Id { get; private set; }

    public Guid ProcedureId { get; private set; }

    /// <summary>1, 2, 3 … per procedure.</summary>
    public int Number { get; private set; }

    public DateTimeOffset EffectiveFrom { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedBy { get; private set; }

    public string Name { get; private set; }

    public Guid FieldId { get; private set; }

    public Guid? AgencyId { get; private set; }

    public OnlineLevel Level { get; private set; }

    public decimal Fee { get; private set; }

    public int ProcessingDays { get; private set; }

    public string WorkflowId { get; private set; }

    public List<RequiredDocument> RequiredDocuments { get; private set; } = [];

    public List<FormField> FormSchema { get; private set; } = [];

    public string? ResultTemplate { get; private set; }

    public ProcedureTerms Terms => new(Name, FieldId, AgencyId, Level, Fee, ProcessingDays, WorkflowId, RequiredDocuments, FormSchema, ResultTemplate);
}
