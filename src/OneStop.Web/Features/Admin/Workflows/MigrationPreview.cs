namespace OneStop.Web.Features.Admin.Workflows;

/// <summary>Where the running instances of one version would go under a step mapping, grouped by the steps they are at.</summary>
public sealed record MigrationPreview(string DefinitionId, int FromVersion, int ToVersion, IReadOnlyList<MigrationGroup> Groups)
{
    public int Instances => Groups.Sum(g => g.Instances);

    public int Blocked => Groups.Where(g => g.Problem is not null).Sum(g => g.Instances);
}

/// <summary>Instances open at one step: where they go, or why they cannot.</summary>
public sealed record MigrationGroup(string FromStep, string FromStepName, string ToStep, string? ToStepName, int Instances, string? Problem);

/// <summary>The outcome of migrating: how many instances moved, and each that could not with the reason.</summary>
public sealed record MigrationReport(int Migrated, IReadOnlyList<MigrationFailure> Failures);

/// <summary>An instance that stayed on its version.</summary>
public sealed record MigrationFailure(string DossierId, string Reason);

/// <summary>A published version of a workflow and how many instances still run on it.</summary>
public sealed record PublishedWorkflow(string Id, int Version, string Name, IReadOnlyList<string> Procedures, DateTimeOffset PublishedAt,
    string? PublishedBy, int Running);
