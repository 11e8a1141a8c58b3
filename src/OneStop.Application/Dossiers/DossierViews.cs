using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Workflows.Entities;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.Definitions;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Application.Dossiers;

/// <summary>What the applicant sees of a dossier: status, current stage (a department, never an official), due date, timeline, documents.</summary>
public sealed class DossierViews(OneStopDbContext db, IWorkflowDefinitionRegistry definitions, OneStop.Application.Common.ICurrentUser user)
{
    public sealed record Summary(Guid Id, string? Code, string Procedure, string Status, string StatusText, DateTimeOffset CreatedAt,
        DateTimeOffset? SubmittedAt, DateTimeOffset? DueAt);

    public sealed record TimelineEntry(DateTimeOffset At, string Event, string? Stage, string? Comment);

    public sealed record DocumentLink(Guid Id, string Kind, string Title, DateTimeOffset IssuedAt, string VerificationCode, string Url);

    /// <summary>An attached file; <paramref name="Provenance"/> says where it came from when picked from the applicant's store, <paramref name="Certified"/> that the counter compared it with the original.</summary>
    public sealed record AttachmentInfo(Guid Id, string DocumentCode, string FileName, string ContentType, long Size, string Sha256,
        string? Provenance = null, bool Certified = false);

    public sealed record Detail(Guid Id, string? Code, string ProcedureCode, string Procedure, string Agency, string Status, string StatusText,
        string? CurrentStage, DateTimeOffset? DueAt, string FormData, IReadOnlyList<TimelineEntry> Timeline,
        IReadOnlyList<DocumentLink> Documents, IReadOnlyList<AttachmentInfo> Attachments, string? LookupKey = null)
    {
        /// <summary>Titles of the documents being digitally signed (remote signing, "đang được ký số"): issued, and downloadable, once signed.</summary>
        public IReadOnlyList<string> BeingSigned { get; init; } = [];
    }

    public sealed record LookupResult(string Code, string Status, string StatusText, DateTimeOffset? DueAt);

    /// <summary>
    /// Public look-up: the dossier's code (or legacy code) and its look-up key from the receipt or the e-mail — a second factor
    /// that cannot be guessed (50 random bits, and the look-up is rate limited); null when either is wrong.
    /// </summary>
    public async Task<LookupResult?> LookupAsync(string code, string? key, CancellationToken cancellationToken)
    {
        var normalized = OneStop.Core.Common.Text.Clean(code).ToUpperInvariant();
        if (normalized.Length is 0 or > 64 || LookupKeys.Normalize(key) is null)
        {
            return null;
        }

        var candidates = await db.Dossiers.AsNoTracking().Where(d => d.Code == normalized || d.LegacyCode == normalized).Take(2).ToListAsync(cancellationToken);
        if (candidates.FirstOrDefault(d => d.Code is not null && d.MatchesLookupKey(key)) is not { } dossier)
        {
            return null;
        }

        var due = dossier.DueAt ?? await TotalDueAsync(dossier, cancellationToken);
        return new LookupResult(dossier.Code!, dossier.Status.ToString(), StatusText(dossier.Status), due);
    }

    /// <summary>The workflow's deadline for the whole procedure, before the counter set the appointment date.</summary>
    public async Task<DateTimeOffset?> TotalDueAsync(Dossier dossier, CancellationToken cancellationToken) =>
        dossier?.WorkflowInstanceId is { } instanceId
            ? await db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.TotalDueAt).FirstOrDefaultAsync(cancellationToken)
            : null;

    public async Task<IReadOnlyList<Summary>> MineAsync(Guid userId, CancellationToken cancellationToken) =>
        (await (from d in db.Dossiers.AsNoTracking()
                join p in db.Procedures on d.ProcedureId equals p.Id
                where d.ApplicantUserId == userId
                orderby d.CreatedAt descending
                select new { d.Id, d.Code, p.Name, d.Status, d.CreatedAt, d.SubmittedAt, d.DueAt,
                    TotalDue = db.WorkflowInstances.Where(i => i.Id == d.WorkflowInstanceId).Select(i => i.TotalDueAt).FirstOrDefault() })
            .Take(200).ToListAsync(cancellationToken))
        .Select(d => new Summary(d.Id, d.Code, d.Name, d.Status.ToString(), StatusText(d.Status), d.CreatedAt, d.SubmittedAt, d.DueAt ?? d.TotalDue))
        .ToList();

    /// <summary>The engine journals how a workflow ended in English (its enum); people read it in Vietnamese.</summary>
    public static string? OutcomeText(string? outcome) => outcome switch
    {
        null or "" => null,
        "Completed" => "Hoàn thành",
        "Rejected" => "Từ chối",
        "Withdrawn" => "Rút hồ sơ",
        "Cancelled" => "Hủy",
        "Transferred" => "Chuyển cơ quan khác giải quyết",
        _ => outcome,
    };

    /// <summary>The dossier as its applicant sees it (page and API alike): officials' internal comments are left out.</summary>
    public Task<Detail> ForApplicantAsync(Dossier dossier, CancellationToken cancellationToken) =>
        DetailAsync(dossier, forApplicant: true, cancellationToken);

    /// <summary>The dossier as an official of its agency sees it: every comment on the timeline.</summary>
    public Task<Detail> ForOfficialAsync(Dossier dossier, CancellationToken cancellationToken) =>
        DetailAsync(dossier, forApplicant: false, cancellationToken);

    private static readonly JournalKind[] TimelineKinds =
        [
            JournalKind.Started, JournalKind.ActionPerformed, JournalKind.Ended, JournalKind.Migrated, JournalKind.Apologised, JournalKind.DocumentReissued,
            JournalKind.AttachmentCertified,
        ];

    /// <summary>Documents addressed to the applicant whose text is the official's comment (what to supplement, why refused).</summary>
    private static readonly string[] CommentAddressedToApplicant = [DocumentKinds.SupplementRequest, DocumentKinds.Rejection];

    /// <summary>
    /// What the applicant may read of a journal entry's comment: their own, the outcome, an apology's new date and reason, and the
    /// comment an official wrote for them (the supplement items, the refusal reason, printed on the document they receive), and which of their
    /// papers the counter certified.
    /// Everything else officials write is internal.
    /// </summary>
    public static bool ApplicantMayRead(WorkflowJournalRecord entry) =>
        entry.ActorRole == Roles.Citizen
        || entry.Kind is JournalKind.Ended or JournalKind.Apologised or JournalKind.AttachmentCertified
        || (entry.Kind == JournalKind.ActionPerformed && entry.Documents.Any(d => CommentAddressedToApplicant.Contains(d)));

    private async Task<Detail> DetailAsync(Dossier dossier, bool forApplicant, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == dossier.ProcedureId, cancellationToken);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == dossier.AgencyId, cancellationToken);
        var instance = dossier.WorkflowInstanceId is not { } instanceId ? null
            : await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        var definition = instance is null ? null : definitions.Find(instance.DefinitionId, instance.DefinitionVersion);
        string? StepName(string? step) => step is null ? null : definition?.FindStep(step)?.Name ?? step;

        var journal = dossier.Code is null ? [] : await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.DossierCode == dossier.Code && TimelineKinds.Contains(j.Kind))
            .OrderBy(j => j.Sequence).ToListAsync(cancellationToken);
        var timeline = journal
            .Select(j => new TimelineEntry(j.At, j.Kind switch
            {
                JournalKind.Started => "Nộp hồ sơ",
                JournalKind.Ended => "Kết thúc xử lý",
                JournalKind.Migrated => "Chuyển sang quy trình mới",
                JournalKind.Apologised => "Xin lỗi, hẹn lại ngày trả kết quả",
                JournalKind.DocumentReissued => "Đính chính văn bản: " + string.Join(", ", j.Documents.Select(DocumentCatalog.TitleOf)),
                JournalKind.AttachmentCertified => "Đối chiếu bản chính, chứng thực bản sao điện tử",
                _ => j.ActionLabel ?? j.ActionId ?? j.Kind.ToString(),
            }, StepName(j.ToStep ?? j.FromStep),
                forApplicant && !ApplicantMayRead(j) ? null : j.Kind == JournalKind.Ended ? OutcomeText(j.Comment) : j.Comment))
            .ToList();
        if (dossier.LegacyCode is not null)
        {
            // A migrated dossier: its processing history in the old system comes first on the timeline (its notes were internal).
            var legacy = await db.Set<OneStop.Infrastructure.Legacy.LegacyHistoryRecord>().AsNoTracking().Where(h => h.DossierId == dossier.Id)
                .OrderBy(h => h.Sequence).ThenBy(h => h.At).ToListAsync(cancellationToken);
            timeline.InsertRange(0, legacy.Select(h => new TimelineEntry(h.At, OneStop.Infrastructure.Legacy.LegacyActions.Label(h.Action), h.AgencyCode,
                forApplicant ? null : h.Content)));
        }

        var task = dossier.Code is null ? null
            : await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == dossier.WorkflowInstanceId).OrderBy(t => t.DueAt).FirstOrDefaultAsync(cancellationToken);
        string? stage = null;
        if (task is not null)
        {
            stage = task.Role == Roles.Citizen
                ? "Chờ công dân bổ sung hồ sơ"
                : await (from d in db.Departments join a in db.Agencies on d.AgencyId equals a.Id
                         where a.Code == task.Agency && d.Code == task.Department
                         select d.Name + " — " + a.Name).FirstOrDefaultAsync(cancellationToken) ?? StepName(task.StepId);
        }

        var documents = await db.IssuedDocuments.AsNoTracking().Where(d => d.DossierId == dossier.Id).OrderBy(d => d.IssuedAt)
            .Select(d => new DocumentLink(d.Id, d.Kind, d.Title, d.IssuedAt, d.VerificationCode, $"/api/v1/dossiers/{dossier.Id}/documents/{d.Id}"))
            .ToListAsync(cancellationToken);
        var attachments = await db.DossierAttachments.AsNoTracking().Where(a => a.DossierId == dossier.Id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentInfo(a.Id, a.DocumentCode, a.FileName, a.ContentType, a.Size, a.Sha256, a.Provenance, a.CertifiedAt != null))
            .ToListAsync(cancellationToken);
        return new Detail(dossier.Id, dossier.Code, procedure.Code, procedure.Name, agency.Name, dossier.Status.ToString(), StatusText(dossier.Status),
            stage, dossier.DueAt ?? instance?.TotalDueAt, dossier.FormData, timeline, documents, attachments,
            dossier.Code is null ? null : LookupKeys.Format(dossier.LookupKey))
        {
            BeingSigned = await db.PendingSignatures.AsNoTracking()
                .Where(p => p.DossierId == dossier.Id && p.State != OneStop.Infrastructure.Signing.PendingSignatureState.Completed)
                .OrderBy(p => p.CreatedAt).Select(p => p.Title).ToListAsync(cancellationToken),
        };
    }

    /// <summary>The rating the signed-in applicant gave their dossier, or null.</summary>
    public async Task<DossierRating?> RatingAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        return await db.Dossiers.IsOwnedAsync(dossierId, userId, cancellationToken)
            ? await db.DossierRatings.AsNoTracking().SingleOrDefaultAsync(r => r.DossierId == dossierId, cancellationToken)
            : throw new Core.Common.NotFoundException("Không tìm thấy hồ sơ.");
    }

    public static string StatusText(DossierStatus status) => DossierStatusText.Of(status);
}
