using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Diagrams;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Validation;

namespace OneStop.Web.Pages.Admin;

/// <summary>Published workflow versions with their running instances; a definition is checked by the engine's validator before it is published.</summary>
public sealed class WorkflowsModel(OneStopDbContext db, PostgresDefinitionRegistry registry) : PageModel
{
    public sealed record Row(string Id, int Version, string Name, IReadOnlyList<string> Procedures, int Running);

    public IReadOnlyList<Row> Definitions { get; private set; } = [];
    public IReadOnlyList<WorkflowProblem> Problems { get; private set; } = [];
    public string? Json { get; private set; }
    public string? Mermaid { get; private set; }
    public string? Published { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task OnPostValidateAsync(string? json, CancellationToken cancellationToken)
    {
        Check(json);
        await LoadAsync(cancellationToken);
    }

    public async Task OnPostPublishAsync(string? json, CancellationToken cancellationToken)
    {
        var definition = Check(json);
        if (definition is not null)
        {
            try
            {
                Published = registry.Publish(definition, User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name)
                    ? $"Đã ban hành {definition.Id} phiên bản {definition.Version}."
                    : $"{definition.Id} phiên bản {definition.Version} đã được ban hành trước đó với cùng nội dung.";
            }
            catch (DefinitionConflictException ex)
            {
                Problems = [new WorkflowProblem(ProblemCode.DuplicateId, "$.version", ex.Message, ex.MessageVi + " Hãy tăng số phiên bản.")];
            }
            catch (WorkflowValidationException ex)
            {
                Problems = ex.Problems;
            }
        }

        await LoadAsync(cancellationToken);
    }

    private OneStop.Workflows.Definitions.WorkflowDefinition? Check(string? json)
    {
        Json = json;
        var result = WorkflowLoader.Load(json ?? string.Empty, OrganisationCatalogReader.Read(db));
        Problems = result.Problems;
        Mermaid = result.Definition is null ? null : MermaidDiagramWriter.Write(result.Definition);
        return result.IsValid ? result.Definition : null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var running = await db.WorkflowInstances.AsNoTracking().Where(i => i.Status != "Ended")
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion }).Select(g => new { g.Key.DefinitionId, g.Key.DefinitionVersion, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Definitions = await db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.Id).ThenBy(d => d.Version)
            .Select(d => new Row(d.Id, d.Version, d.Name, d.Procedures, 0)).ToListAsync(cancellationToken);
        Definitions = Definitions.Select(d => d with
        {
            Running = running.FirstOrDefault(r => r.DefinitionId == d.Id && r.DefinitionVersion == d.Version)?.Count ?? 0,
        }).ToList();
    }
}
