using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Runtime;

namespace OneStop.Infrastructure.Notifications;

/// <summary>
/// Notifies the people a workflow effect names: in the app, and by e-mail through the e-mail outbox. A message to the applicant
/// goes to them as every applicant notice does (walk-ins by the e-mail on the dossier), and sends no e-mail when the status
/// change that produced it already carried it.
/// </summary>
internal sealed class NotifyEffectHandler(OneStopDbContext db, ApplicantNotices applicants, EmailOutbox outbox, TimeProvider clock) : IWorkflowEffectHandler
{
    public EffectKind Kind => EffectKind.Notify;

    public async Task HandleAsync(WorkflowEffect effect, long outboxId, CancellationToken cancellationToken)
    {
        var message = MessageFor(effect);
        var marker = $"outbox:{outboxId}";
        if (DossierStatusNotices.IsForApplicant(effect)
            && await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == effect.DossierCode, cancellationToken) is { } dossier)
        {
            var covered = await outbox.CoversAsync(dossier.Code, outboxId, cancellationToken);
            await applicants.AddAsync(dossier, new ApplicantNotice(message, marker, clock.GetUtcNow()) { Subject = $"Hồ sơ {dossier.Code}: thông báo", ByEmail = !covered },
                cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var recipients = await new RecipientResolver(db).ResolveAsync(effect, cancellationToken);
        foreach (var user in recipients)
        {
            // Delivery is at least once: the notification row is the idempotency record for this outbox entry and user.
            if (await db.ToldAsync(user.Id, marker, cancellationToken))
            {
                continue;
            }

            db.Notifications.Add(Notification.Of(user.Id, effect.DossierCode, message, marker, clock.GetUtcNow()));
            if (user.Email is not null)
            {
                await outbox.EnqueueAsync($"{marker}:{user.Id:N}", user.Email, "OneStop — " + message, $"<p>{HtmlEncoder.Default.Encode(message)}</p>",
                    effect.DossierCode, covers: null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    internal static string MessageFor(WorkflowEffect effect)
    {
        var headline = effect.Reason switch
        {
            EffectReasons.TaskAssigned => $"Hồ sơ {effect.DossierCode} đã được chuyển đến để xử lý",
            EffectReasons.Reminder => $"Hồ sơ {effect.DossierCode} sắp đến hạn xử lý",
            EffectReasons.Escalation => $"Hồ sơ {effect.DossierCode} đã quá hạn xử lý",
            EffectReasons.ProcedureOverdue => $"Hồ sơ {effect.DossierCode} đã quá hạn giải quyết",
            EffectReasons.Ended => $"Hồ sơ {effect.DossierCode} đã kết thúc xử lý",
            _ => null,
        };
        return (headline, effect.Message) switch
        {
            (null, null) => $"Hồ sơ {effect.DossierCode} có cập nhật mới.",
            (null, { } message) => $"Hồ sơ {effect.DossierCode}: {message}",
            ({ } text, null) => text + ".",
            ({ } text, { } message) => $"{text}: {message}",
        };
    }
}
