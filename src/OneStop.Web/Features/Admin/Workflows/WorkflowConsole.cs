using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Diagrams;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Simulation;
using OneStop.Workflows.Validation;

namespace OneStop.Web.Features.Admin.Workflows;

/// <summary>The workflow console's use cases, shared by the admin pages and /api/v1/admin/workflows: check, simulate, migrate.</summary>
public sealed class WorkflowConsole(OneStopDbContext db, PostgresDefinitionRegistry registry, IWorkflowEngine engine, WorkingCalendar calendar,
    TimeProvider clock)
{
    /// <summary>Runs the engine's validator (with the organisation catalogue) and draws the diagram when the JSON could be read.</summary>
    public WorkflowCheck Check(string? json)
    {
        var result = WorkflowLoader.Load(Text.Clean(json ?? string.Empty), OrganisationCatalogReader.Read(db));
        var mermaid = result.Definition is { Steps.Count: > 0 } d ? TryDiagram(d) : null;
        return new WorkflowCheck(result.Definition, result.Problems, mermaid);
    }

    /// <summary>Every published version with the number of instances still running on it.</summary>
    public async Task<IReadOnlyList<PublishedWorkflow>> ListAsync(CancellationToken cancellationToken)
    {
        var running = await db.WorkflowInstances.AsNoTracking().Where(i => i.Status != "Ended")
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion })
            .ToDictionaryAsync(g => (g.Key.DefinitionId, g.Key.DefinitionVersion), g => g.Count(), cancellationToken);
        var rows = await db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.Id).ThenByDescending(d => d.Version)
            .Select(d => new PublishedWorkflow(d.Id, d.Version, d.Name, d.Procedures, d.PublishedAt, d.PublishedBy, 0)).ToListAsync(cancellationToken);
        return rows.Select(r => r with { Running = running.GetValueOrDefault((r.Id, r.Version)) }).ToList();
    }

    /// <summary>The JSON of a published version (the latest when <paramref name="version"/> is null), or null.</summary>
    public Task<string?> FindJsonAsync(string id, int? version, CancellationToken cancellationToken) =>
        db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == id && (version == null || d.Version == version))
            .OrderByDescending(d => d.Version).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Publishes a checked definition: true when it is new, false when the same content was already published;
    /// the problems when it is invalid or its version exists with other content.</summary>
    public (bool Created, IReadOnlyList<WorkflowProblem> Problems) Publish(WorkflowCheck check, string? publishedBy)
    {
        if (!check.IsValid)
            return (false, check.Problems);
        try
        {
            return (registry.Publish(check.Definition!, publishedBy), []);
        }
        catch (DefinitionConflictException ex)
        {
            return (false, [new WorkflowProblem(ProblemCode.DuplicateId, "$.version", ex.Message, ex.MessageVi + " Hãy tăng số phiên bản.")]);
        }
        catch (WorkflowValidationException ex)
        {
            return (false, ex.Problems);
        }
    }

    /// <summary>Every agency (code and name, by code), where a sample dossier may be received.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> AgenciesAsync(CancellationToken cancellationToken) =>
        (await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Code, a.Name)).ToList();

    /// <summary>The legal processing days of the first procedure the definition serves, or null.</summary>
    public Task<int?> LegalDaysAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return db.Procedures.AsNoTracking().Where(p => definition.Procedures.Contains(p.Code))
            .Select(p => (int?)p.ProcessingDays).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Walks a sample dossier through a valid draft; throws <see cref="WorkflowValidationException"/> for an invalid one.</summary>
    public async Task<SimulationResult> SimulateAsync(SimulationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = Check(input.Json);
        if (!check.IsValid)
            throw new WorkflowValidationException(check.Problems);
        var definition = check.Definition!;
        var procedure = await db.Procedures.AsNoTracking().Where(p => definition.Procedures.Contains(p.Code))
            .Select(p => new { p.ProcessingDays, p.AgencyId }).FirstOrDefaultAsync(cancellationToken);
        var agency = input.Agency is { Length: > 0 } code ? code
            : await db.Agencies.AsNoTracking().Where(a => procedure != null && a.Id == procedure.AgencyId).Select(a => a.Code).FirstOrDefaultAsync(cancellationToken)
              ?? await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Code).FirstAsync(cancellationToken);
        var start = input.Start ?? VietnamTime.ToLocal(clock.GetUtcNow());
        return await WorkflowSimulator.RunAsync(new SimulationRequest(definition, start, agency)
        {
            Choices = input.Choices ?? [],
            Inputs = ReadInputs(definition, input.Inputs ?? []),
            LegalDays = input.LegalDays ?? procedure?.ProcessingDays,
        }, calendar, cancellationToken);
    }

    /// <summary>Where each running instance of <paramref name="fromVersion"/> would be after migrating to <paramref name="toVersion"/> under the mapping.</summary>
    public async Task<MigrationPreview> PreviewAsync(string id, int fromVersion, int toVersion, IReadOnlyDictionary<string, string> mapping,
        CancellationToken cancellationToken)
    {
        var (source, target) = (Definition(id, fromVersion), Definition(id, toVersion));
        var open = await (from t in db.WorkflowTasks.AsNoTracking()
                          join i in db.WorkflowInstances.AsNoTracking() on t.InstanceId equals i.Id
                          where i.DefinitionId == id && i.DefinitionVersion == fromVersion && i.Status != "Ended"
                          group t by t.StepId into g
                          select new { Step = g.Key, Instances = g.Select(x => x.InstanceId).Distinct().Count() }).ToListAsync(cancellationToken);
        var groups = open.OrderBy(g => source.Steps.FindIndex(s => s.Id == g.Step)).Select(g =>
        {
            var step = source.FindStep(g.Step);
            var toId = mapping.TryGetValue(g.Step, out var mapped) && !string.IsNullOrWhiteSpace(mapped) ? mapped : g.Step;
            var targetStep = target.FindStep(toId);
            string? problem = targetStep is null ? $"Phiên bản {toVersion} không có bước '{toId}'."
                : step is not null && targetStep.Kind != step.Kind ? $"Bước '{toId}' ở phiên bản {toVersion} khác loại với bước '{g.Step}'."
                : null;
            return new MigrationGroup(g.Step, step?.Name ?? g.Step, toId, targetStep?.Name, g.Instances, problem);
        }).ToList();
        return new MigrationPreview(id, fromVersion, toVersion, groups);
    }

    /// <summary>Migrates every running instance of <paramref name="fromVersion"/>; each one that cannot move stays and is reported.</summary>
    public async Task<MigrationReport> MigrateAsync(string id, int fromVersion, int toVersion, IReadOnlyDictionary<string, string> mapping, WorkflowActor admin,
        string? comment, CancellationToken cancellationToken)
    {
        _ = (Definition(id, fromVersion), Definition(id, toVersion));
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == id && i.DefinitionVersion == fromVersion && i.Status != "Ended")
            .OrderBy(i => i.StartedAt).Select(i => new { i.Id, i.DossierCode }).ToListAsync(cancellationToken);
        var failures = new List<MigrationFailure>();
        foreach (var instance in instances)
        {
            try
            {
                await engine.MigrateAsync(new MigrateInstanceRequest(instance.Id, toVersion, admin)
                {
                    StepMapping = mapping.Where(m => !string.IsNullOrWhiteSpace(m.Value)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
                    Comment = Text.CleanOrNull(comment),
                }, cancellationToken);
            }
            catch (WorkflowException ex)
            {
                failures.Add(new MigrationFailure(instance.DossierCode, ex.MessageVi));
            }
        }

        return new MigrationReport(instances.Count - failures.Count, failures);
    }

    private WorkflowDefinition Definition(string id, int version) => registry.Find(id, version)
        ?? throw new WorkflowNotFoundException($"Workflow '{id}' v{version} is not published.", $"Chưa ban hành quy trình '{id}' phiên bản {version}.");

    private static string? TryDiagram(WorkflowDefinition definition)
    {
        try
        {
            return MermaidDiagramWriter.Write(definition);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            return null; // an invalid draft may not be drawable; its problems are listed instead
        }
    }

    private static Dictionary<string, object?> ReadInputs(WorkflowDefinition definition, IReadOnlyDictionary<string, string> raw)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (name, value) in raw)
        {
            if (string.IsNullOrWhiteSpace(value))
                continue;
            if (!definition.Inputs.TryGetValue(name, out var type))
            {
                errors.Add($"Quy trình không có dữ liệu đầu vào '{name}'.");
                continue;
            }

            var ok = type switch
            {
                InputType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                InputType.Bool => bool.TryParse(value, out _),
                InputType.Date => DateOnly.TryParse(value, CultureInfo.InvariantCulture, out _),
                _ => true,
            };
            if (ok)
                values[name] = value.Trim();
            else
                errors.Add($"Giá trị mẫu của '{name}' không đúng kiểu {type switch { InputType.Number => "số", InputType.Bool => "đúng/sai (true/false)", _ => "ngày (yyyy-MM-dd)" }}.");
        }

        return errors.Count == 0 ? values : throw new DomainException("workflow.simulation_input", string.Join(" ", errors));
    }
}
