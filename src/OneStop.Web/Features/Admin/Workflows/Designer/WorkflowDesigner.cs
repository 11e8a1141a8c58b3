using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Definitions;

namespace OneStop.Web.Features.Admin.Workflows.Designer;

/// <summary>
/// The designer's server side: it checks a draft with the engine's validator (through <see cref="WorkflowConsole"/>) and words
/// each problem for the field it concerns, warns of what will not block publishing, and knows the latest published version.
/// </summary>
public sealed class WorkflowDesigner(WorkflowConsole console, OneStopDbContext db, DesignerCatalogueReader catalogue)
{
    public async Task<DesignerCheck> CheckAsync(string? json, CancellationToken cancellationToken)
    {
        var check = console.Check(json);
        var draft = Parse(json);
        var latest = check.Definition is { Id.Length: > 0 } d ? await LatestVersionAsync(d.Id, cancellationToken) : null;
        return new DesignerCheck(check.IsValid, [.. check.Problems.Select(p => DesignerProblemText.Describe(p, draft))],
            check.Definition is null ? [] : Warnings(check.Definition), latest, check.Mermaid);
    }

    /// <summary>The highest published version of a workflow id, or null when none is published.</summary>
    public Task<int?> LatestVersionAsync(string id, CancellationToken cancellationToken) =>
        db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == id).MaxAsync(d => (int?)d.Version, cancellationToken);

    /// <summary>A webhook that is not configured does not make a definition invalid (the call waits in the outbox), but it will not be delivered.</summary>
    private List<DesignerProblem> Warnings(WorkflowDefinition definition)
    {
        var configured = catalogue.Webhooks().ToHashSet(StringComparer.Ordinal);
        var warnings = new List<DesignerProblem>();
        for (var s = 0; s < definition.Steps.Count; s++)
        {
            var operations = definition.Steps[s].Do;
            for (var o = 0; o < operations.Count; o++)
            {
                if (operations[o].Webhook is { Length: > 0 } name && !configured.Contains(name))
                {
                    var text = $"Webhook “{name}” chưa được cấu hình trên máy chủ (Workflows:Webhooks:{name}:Url): lời gọi sẽ chờ cho đến khi được cấu hình.";
                    warnings.Add(new DesignerProblem("UnconfiguredWebhook", $"$.steps[{s}].do[{o}].webhook", text, text));
                }
            }
        }

        return warnings;
    }

    private static JsonNode? Parse(string? json)
    {
        try
        {
            return JsonNode.Parse(json ?? "", documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
