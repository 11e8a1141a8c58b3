using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows.Entities;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime.Definitions;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Validation;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// Published definitions live in workflow_definitions, shared by every host; versions are immutable, so each is cached
/// forever once read, while "latest" look-ups ask the database again after a few seconds.
/// </summary>
public sealed class PostgresDefinitionRegistry(IServiceScopeFactory scopes, TimeProvider clock) : IWorkflowDefinitionRegistry
{
    private static readonly TimeSpan LatestFreshness = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> _versions = new();
    private Snapshot? _all;

    public IReadOnlyList<WorkflowDefinition> All => ReadAll();

    public void Publish(WorkflowDefinition definition) => Publish(definition, publishedBy: null);

    /// <summary>Validates against the organisation in the database and stores a new immutable version; returns false when it was already published.</summary>
    public bool Publish(WorkflowDefinition definition, string? publishedBy)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var problems = WorkflowValidator.Validate(definition, OrganisationCatalogReader.Read(db));
        if (problems.Count > 0)
        {
            throw new WorkflowValidationException(problems);
        }

        var json = WorkflowLoader.Write(definition);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var existing = db.WorkflowDefinitions.AsNoTracking().SingleOrDefault(d => d.Id == definition.Id && d.Version == definition.Version);
        if (existing is not null)
        {
            return existing.Sha256 == hash ? false : throw new DefinitionConflictException(definition.Id, definition.Version);
        }

        db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord
        {
            Id = definition.Id,
            Version = definition.Version,
            Name = definition.Name,
            Json = json,
            Sha256 = hash,
            Procedures = [.. definition.Procedures],
            PublishedAt = clock.GetUtcNow(),
            PublishedBy = publishedBy,
        });
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another host published the same version at the same moment: identical content is fine, different is a conflict.
            var winner = db.WorkflowDefinitions.AsNoTracking().Single(d => d.Id == definition.Id && d.Version == definition.Version);
            return winner.Sha256 == hash ? false : throw new DefinitionConflictException(definition.Id, definition.Version);
        }

        _all = null;
        return true;
    }

    public WorkflowDefinition? Find(string id, int version)
    {
        if (_versions.TryGetValue((id, version), out var cached))
        {
            return cached;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var json = db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == id && d.Version == version).Select(d => d.Json).SingleOrDefault();
        return json is null ? null : _versions.GetOrAdd((id, version), _ => WorkflowLoader.LoadValid(json));
    }

    public WorkflowDefinition? FindLatest(string id) => ReadAll().Where(d => d.Id == id).MaxBy(d => d.Version);

    public WorkflowDefinition? FindLatestByProcedure(string procedureCode) =>
        ReadAll().Where(d => d.Procedures.Contains(procedureCode)).OrderByDescending(d => d.Version).FirstOrDefault();

    private IReadOnlyList<WorkflowDefinition> ReadAll()
    {
        var now = clock.GetUtcNow();
        if (_all is { } all && now - all.ReadAt < LatestFreshness)
        {
            return all.All;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var keys = db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.Id).ThenBy(d => d.Version).Select(d => new { d.Id, d.Version }).ToList();
        var list = keys.Select(k => Find(k.Id, k.Version)!).ToList();
        _all = new Snapshot(now, list);
        return list;
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyList<WorkflowDefinition> All);
}
