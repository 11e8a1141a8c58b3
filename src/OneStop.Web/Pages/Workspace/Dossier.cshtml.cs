using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Web.Features.Documents;
using OneStop.Web.Features.Dossiers;
using OneStop.Web.Features.Workspace;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;

namespace OneStop.Web.Pages.Workspace;

public sealed class DossierModel(OneStopDbContext db, DossierAccess access, DossierViews views, OfficialContext officials, IWorkflowEngine engine)
    : PageModel
{
    public sealed record FieldValue(string Label, string Value);

    public DossierViews.Detail? View { get; private set; }
    public string Applicant { get; private set; } = string.Empty;
    public IReadOnlyList<FieldValue> Fields { get; private set; } = [];
    public IReadOnlyList<AvailableAction> Actions { get; private set; } = [];
    public long Version { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, Guid taskId, string actionId, string? comment, long version, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var actor = await officials.ActorAsync(User, cancellationToken);
        if (dossier?.Code is null || actor is null || !await access.CanSeeAsync(User, dossier, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var instance = (await engine.FindByDossierAsync(dossier.Code, cancellationToken))!;
            var result = await engine.PerformAsync(new PerformActionRequest(instance.Id, taskId, actionId, actor)
            {
                Comment = comment,
                ExpectedVersion = version,
                FormData = FormData(dossier.FormData),
            }, cancellationToken);
            Message = $"Đã thực hiện: {result.Instance.Journal.LastOrDefault(j => j.ActionId == actionId && j.ActionLabel is not null)?.ActionLabel ?? actionId}.";
        }
        catch (WorkflowException ex)
        {
            Error = ex.MessageVi;
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }

        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var actor = await officials.ActorAsync(User, cancellationToken);
        if (dossier?.Code is null || actor is null || !await access.CanSeeAsync(User, dossier, cancellationToken))
        {
            return NotFound();
        }

        View = await views.DetailAsync(dossier, cancellationToken);
        Applicant = string.Join(" · ", new[] { dossier.Applicant.FullName, dossier.Applicant.IdNumber, dossier.Applicant.PhoneAsTyped, dossier.Applicant.Address }
            .Where(x => !string.IsNullOrEmpty(x)));
        var schema = await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.FormSchema).SingleAsync(cancellationToken);
        var data = FormData(dossier.FormData);
        Fields = schema.Where(f => data.ContainsKey(f.Name)).Select(f => new FieldValue(f.Label, data[f.Name]?.ToString() ?? string.Empty)).ToList();
        var instance = await engine.FindByDossierAsync(dossier.Code, cancellationToken);
        if (instance is not null)
        {
            Version = instance.Version;
            Actions = await engine.ListAvailableActionsAsync(instance.Id, actor, data, cancellationToken);
        }

        return Page();
    }

    private static Dictionary<string, object?> FormData(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)(p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.Number => p.Value.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => p.Value.GetRawText(),
        }));
    }
}
