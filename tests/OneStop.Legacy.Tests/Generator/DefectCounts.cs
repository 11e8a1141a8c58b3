namespace OneStop.Legacy.Tests.Generator;

/// <summary>How many of each FORMAT.md defect a generated bundle contains (each on a different dossier).</summary>
public sealed record DefectCounts
{
    /// <summary>Dossiers written twice: an earlier, superseded copy and the winning copy at the end of ho_so.csv.</summary>
    public int DuplicateDossiers { get; init; }

    public int OrphanHistory { get; init; }

    public int OrphanAttachments { get; init; }

    /// <summary>History rows written twice with the same (so_ho_so, thu_tu): the earlier copy is superseded by the later one.</summary>
    public int DuplicateHistory { get; init; }

    /// <summary>Dossiers whose ngay_nop does not parse; their history and attachments become parent-rejected.</summary>
    public int BadRequiredDates { get; init; }

    public int BadOptionalDates { get; init; }

    public int UnknownProcedures { get; init; }

    public int MissingFiles { get; init; }

    /// <summary>Dossiers whose so_ho_so and ma_don_vi are padded with spaces.</summary>
    public int StrayWhitespace { get; init; }

    /// <summary>Dossiers whose ghi_chu has a comma, doubled quotes and a line break.</summary>
    public int MultilineNotes { get; init; }

    /// <summary>The number of dossiers that carry a defect.</summary>
    public int DossiersWithDefects =>
        DuplicateDossiers + BadRequiredDates + BadOptionalDates + UnknownProcedures + MissingFiles + StrayWhitespace + MultilineNotes;

    /// <summary>Every kind the same number of times.</summary>
    public static DefectCounts OfEach(int count) => new()
    {
        DuplicateDossiers = count,
        OrphanHistory = count,
        OrphanAttachments = count,
        DuplicateHistory = count,
        BadRequiredDates = count,
        BadOptionalDates = count,
        UnknownProcedures = count,
        MissingFiles = count,
        StrayWhitespace = count,
        MultilineNotes = count,
    };
}
