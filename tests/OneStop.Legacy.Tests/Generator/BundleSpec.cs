namespace OneStop.Legacy.Tests.Generator;

/// <summary>What to generate; the same spec and seed always give the same bundle content.</summary>
public sealed record BundleSpec
{
    public int Dossiers { get; init; } = 100;

    /// <summary>Each dossier gets 1 to this many history rows (about half as many on average as the maximum plus one).</summary>
    public int MaxHistoryPerDossier { get; init; } = 6;

    /// <summary>Each dossier gets 0 to this many attachments (at least 1 when it carries a missing-file defect).</summary>
    public int MaxAttachmentsPerDossier { get; init; } = 2;

    /// <summary>Whether attachment files are written into files/; when false every attachment is reported missing.</summary>
    public bool WriteAttachmentFiles { get; init; } = true;

    public BundleEncoding Encoding { get; init; } = BundleEncoding.Utf8WithBom;

    public BundleLayout Layout { get; init; } = BundleLayout.Folder;

    public char Delimiter { get; init; } = ',';

    /// <summary>Writes the columns in reverse order with an extra unknown column, which readers must cope with.</summary>
    public bool ShuffleColumns { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>The manifest's exportedAt: when migrated open dossiers enter their workflow steps.</summary>
    public DateTimeOffset ExportedAt { get; init; } = new(2018, 4, 26, 17, 30, 0, TimeSpan.FromHours(7));

    public DefectCounts Defects { get; init; } = new();
}
