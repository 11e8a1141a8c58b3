using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Notifications;

/// <summary>
/// Tells the applicant, in the app and by e-mail, each time their dossier's status changes, in the same transaction as the
/// change. The e-mail also carries the news the same change will deliver later (documents it issues, the procedure's message
/// to the applicant), so those send no second e-mail.
/// </summary>
public sealed class DossierStatusNotices(OneStopDbContext db, ApplicantNotices notices)
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Document kinds a status e-mail names when the same change issues them.</summary>
    private static readonly IReadOnlySet<string> Named = new HashSet<string>(DocumentCatalog.Announced, StringComparer.Ordinal) { DocumentKinds.SupplementRequest };

    /// <summary>The last workflow outbox entry of the instance before a change; entries after it are the change's own.</summary>
    public async Task<long> OutboxMarkAsync(Guid instanceId, CancellationToken cancellationToken) =>
        await db.WorkflowOutbox.Where(o => o.InstanceId == instanceId).MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0;

    public async Task AddAsync(Dossier dossier, DossierStatus before, WorkflowInstance instance, long outboxMark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(instance);
        if (dossier.Status == before || Message(dossier, before) is not { } message)
        {
            return;
        }

        var details = new List<string>();
        if (Reason(dossier, instance) is { } reason)
        {
            details.Add(reason);
        }

        var covers = new List<long>();
        var effects = await db.WorkflowOutbox.AsNoTracking().Where(o => o.InstanceId == instance.Id && o.Id > outboxMark).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Payload }).ToListAsync(cancellationToken);
        foreach (var row in effects)
        {
            var effect = JsonSerializer.Deserialize<WorkflowEffect>(row.Payload, PayloadOptions)!;
            if (effect.Kind == EffectKind.IssueDocument && effect.DocumentKind is { } kind && Named.Contains(kind))
            {
                details.Add($"Văn bản được phát hành: {DocumentIssuer.TitleOf(kind)}.");
                covers.Add(row.Id);
            }
            else if (effect.Kind == EffectKind.Notify && IsForApplicant(effect))
            {
                if (effect.Reason != EffectReasons.Ended && effect.Message is { Length: > 0 } text)
                {
                    details.Add(text);
                }

                covers.Add(row.Id);
            }
        }

        var at = instance.Journal.Count > 0 ? instance.Journal[^1].At : DateTimeOffset.UtcNow;
        await notices.AddAsync(dossier, new ApplicantNotice(message, $"status:{dossier.Id:N}:{dossier.Status}:{instance.Journal.Count}", at)
        {
            Details = details,
            Covers = covers,
        }, cancellationToken);
    }

    /// <summary>Whether a notify effect addresses the dossier's applicant (the procedure's own message, or the end of processing).</summary>
    public static bool IsForApplicant(WorkflowEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return effect.Kind == EffectKind.Notify && (effect.RecipientRole == WorkflowRoles.Citizen || effect.Reason == EffectReasons.Ended);
    }

    public static string? Message(Dossier dossier, DossierStatus before)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var code = dossier.Code;
        return dossier.Status switch
        {
            DossierStatus.InProgress when before == DossierStatus.WaitingForSupplement =>
                $"Đã nhận hồ sơ bổ sung của hồ sơ {code}; hồ sơ tiếp tục được giải quyết.",
            DossierStatus.Submitted => $"Hồ sơ {code} đã được nộp, đang chờ tiếp nhận.",
            DossierStatus.InProgress => $"Hồ sơ {code} đã được tiếp nhận và đang được giải quyết.",
            DossierStatus.WaitingForSupplement => $"Hồ sơ {code} cần bổ sung, hoàn thiện. Vui lòng xem yêu cầu và nộp bổ sung.",
            DossierStatus.ResultReady => $"Hồ sơ {code} đã có kết quả.",
            DossierStatus.Completed => $"Hồ sơ {code} đã giải quyết xong. Mời bạn đánh giá mức độ hài lòng.",
            DossierStatus.Rejected => $"Hồ sơ {code} không được giải quyết (từ chối). Xem lý do trong văn bản đã phát hành.",
            DossierStatus.Withdrawn => $"Hồ sơ {code} đã được rút.",
            _ => null,
        };
    }

    /// <summary>What the official wrote when asking for a supplement or refusing: the applicant reads it in the e-mail.</summary>
    private static string? Reason(Dossier dossier, WorkflowInstance instance)
    {
        var label = dossier.Status switch
        {
            DossierStatus.WaitingForSupplement => "Nội dung cần bổ sung, hoàn thiện",
            DossierStatus.Rejected => "Lý do",
            _ => null,
        };
        var last = instance.Journal.LastOrDefault(j => j.Kind == JournalKind.ActionPerformed);
        return label is not null && last?.Comment is { Length: > 0 } comment ? $"{label}: {comment}" : null;
    }
}
