namespace OneStop.Infrastructure.Legacy;

/// <summary>One import of a legacy bundle (legacy.import_runs): a killed run is resumed under the same id by the next run of the same bundle.</summary>
public sealed class LegacyImportRun
{
    public required Guid Id { get; init; }

    /// <summary>SHA-256 of the bundle's manifest.json: the same bundle resumes its unfinished run.</summary>
    public required string BundleKey { get; init; }

    public required string Bundle { get; set; }

    public required string SourceSystem { get; init; }

    public required DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Running, Completed or Failed.</summary>
    public required string Status { get; set; }

    public string? StartedBy { get; set; }

    public string? Error { get; set; }

    /// <summary>report.json of the finished run.</summary>
    public string? ReportJson { get; set; }

    public string? ReportMarkdown { get; set; }
}

/// <summary>
/// One action of a migrated dossier's processing history (legacy.dossier_history), shown on its timeline; keyed by its dossier and
/// its sequence there (the legacy export's own key for a qua_trinh row).
/// </summary>
public sealed class LegacyHistoryRecord
{
    public required Guid DossierId { get; init; }

    public required int Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? UserName { get; init; }

    public Guid? OfficialId { get; init; }

    public string? AgencyCode { get; init; }

    public required string Action { get; init; }

    public string? Content { get; init; }

    public required string RowHash { get; init; }

    public required Guid RunId { get; init; }
}

/// <summary>Which OneStop row a legacy record became (legacy.record_map), with the hash of what was imported and the run that wrote it.</summary>
public sealed class LegacyRecordMap
{
    /// <summary>The exporting system (<see cref="LegacySource"/>): a small number in every entry and in the key, not its name.</summary>
    public required int SourceId { get; init; }

    public required string Table { get; init; }

    public required string LegacyKey { get; init; }

    public required Guid TargetId { get; init; }

    public required string RowHash { get; init; }

    public required Guid RunId { get; init; }
}

/// <summary>
/// A system whose export was imported (legacy.sources), numbered once: the map's entries carry the number. Keyed by the name — up
/// to 300 characters — the map's primary key was 2.5 times the size (621 against 249 MB for the million) and each of its inserts and
/// probes a quarter slower. Rows are only ever added, by the import under its lock.
/// </summary>
public sealed class LegacySource
{
    public int Id { get; init; }

    public required string Name { get; init; }
}
