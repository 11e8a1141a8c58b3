using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.Workflows.Entities;

/// <summary>
/// An open task, projected from the instance state so inboxes are indexed queries. It also carries a copy of what the inbox filters
/// and searches on in its dossier (procedure, submission date, channel, status, and the code and applicant's name without
/// diacritics), so an inbox never joins all of a department's tasks to their dossiers. PostgreSQL keeps that copy (triggers of the
/// Data/Sql/InboxProjectionSql.cs: on inserting a task, and on inserting or updating dossiers), so every writer — the engine,
/// the legacy importer's SQL, an UPDATE by hand — keeps it right in the same transaction; the application never writes it.
/// </summary>
public sealed class WorkflowTaskRecord
{
    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    public required string DossierCode { get; init; }
    public required string StepId { get; init; }
    public required string Role { get; init; }
    public required string Agency { get; init; }
    public string? Department { get; init; }
    public string? AssignedTo { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public bool IsOverdue { get; init; }

    /// <summary>The dossier's procedure (copied by the database).</summary>
    public Guid? ProcedureId { get; private set; }

    /// <summary>When the dossier was submitted (copied by the database).</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>How the dossier was submitted (copied by the database).</summary>
    public SubmissionChannel? Channel { get; private set; }

    /// <summary>The dossier's status (copied by the database).</summary>
    public DossierStatus? DossierStatus { get; private set; }

    /// <summary>f_search_text(dossier code || ' ' || applicant's full name): lower case, without diacritics (computed by the database).</summary>
    public string? SearchText { get; private set; }
}
