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
/// forever once read, while "latest" look-ups follow the database within a few seconds: an expired list is still answered while one
/// background read refreshes it (stale while revalidating), as <see cref="Settings.SettingsCache"/> does. A workflow starts inside
/// the submitting transaction, which holds the agency's code counter: reading the list there would take a second connection from
/// the pool synchronously, and under load, with the pool's connections held by submissions queued on that counter, every
/// submission waited for the pool's timeout. Only the first read on a host waits, and a publish on this host reads again at once.
/// </summary>
public sealed class PostgresDefinitionRegistry(IServiceScopeFactory scopes, TimeProvider clock) : IWorkflowDefinitionRegistry
{
    private static readonly TimeSpan LatestFreshness = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> _versions = new();
    private Snapshot? _all;
    private int _refreshing;

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

        _all = Read(clock.GetUtcNow());
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
        return json is null ? null : Remember(id, version, json);
    }

    private WorkflowDefinition Remember(string id, int version, string json) => _versions.GetOrAdd((id, version), _ => WorkflowLoader.LoadValid(json));

    public WorkflowDefinition? FindLatest(string id) => ReadAll().Where(d => d.Id == id).MaxBy(d => d.Version);

    public WorkflowDefinition? FindLatestByProcedure(string procedureCode) =>
        ReadAll().Where(d => d.Procedures.Contains(procedureCode)).OrderByDescending(d => d.Version).FirstOrDefault();

    private IReadOnlyList<WorkflowDefinition> ReadAll()
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _all) is not { } all)
        {
            return (_all = Read(now)).All;
        }

        if (now - all.ReadAt >= LatestFreshness && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(() => Refresh(all));
        }

        return all.All;
    }

    private void Refresh(Snapshot stale)
    {
        try
        {
            Interlocked.CompareExchange(ref _all, Read(clock.GetUtcNow()), stale);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The database is unreachable for now: the list read before stays, to be read again after the next few seconds.
            Interlocked.CompareExchange(ref _all, stale with { ReadAt = clock.GetUtcNow() }, stale);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private Snapshot Read(DateTimeOffset now)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var keys = db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.Id).ThenBy(d => d.Version).Select(d => new { d.Id, d.Version }).ToList();
        // Versions not cached yet come in one query on this scope's connection (by workflow id, on its index), not one scope and
        // query each.
        var missing = keys.Where(k => !_versions.ContainsKey((k.Id, k.Version))).ToList();
        if (missing.Count > 0)
        {
            var ids = missing.Select(k => k.Id).Distinct().ToList();
            foreach (var row in db.WorkflowDefinitions.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Version, d.Json }).ToList()
                         .Where(r => missing.Contains(new { r.Id, r.Version })))
            {
                Remember(row.Id, row.Version, row.Json);
            }
        }

        return new Snapshot(now, keys.Select(k => _versions[(k.Id, k.Version)]).ToList());
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyList<WorkflowDefinition> All);
}
