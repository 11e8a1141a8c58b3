using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Runtime;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>An automatic step's "set a field": the value lands in the dossier's data, where documents and officials see it.</summary>
internal sealed class FieldSetEffectHandler(OneStopDbContext db) : IWorkflowEffectHandler
{
    public EffectKind Kind => EffectKind.FieldSet;

    public async Task HandleAsync(WorkflowEffect effect, long outboxId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(effect.Field))
        {
            throw new DomainException("workflow.field_missing", "Hiệu ứng gán trường thiếu tên trường.");
        }

        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Code == effect.DossierCode, cancellationToken)
            ?? throw new NotFoundException($"Không tìm thấy hồ sơ {effect.DossierCode}.");
        var data = JsonNode.Parse(dossier.FormData)?.AsObject() ?? [];
        data[effect.Field] = effect.Value is { } value ? JsonNode.Parse(value.GetRawText()) : null;
        dossier.SetWorkflowField(data.ToJsonString());
        await db.SaveChangesAsync(cancellationToken);
    }
}
