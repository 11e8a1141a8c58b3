namespace OneStop.Legacy.Tests.Generator;

/// <summary>Which dossier (by index) carries which defect: distinct dossiers, drawn from the seed.</summary>
internal sealed class DefectPlan
{
    private readonly Dictionary<int, DefectKind> _byDossier = [];

    public DefectPlan(BundleSpec spec, Random random)
    {
        var defects = spec.Defects;
        if (defects.DossiersWithDefects > spec.Dossiers)
        {
            throw new ArgumentException($"{defects.DossiersWithDefects} dossier defects do not fit in {spec.Dossiers} dossiers.", nameof(spec));
        }

        Assign(DefectKind.Duplicate, defects.DuplicateDossiers, spec, random);
        Assign(DefectKind.BadRequiredDate, defects.BadRequiredDates, spec, random);
        Assign(DefectKind.BadOptionalDate, defects.BadOptionalDates, spec, random);
        Assign(DefectKind.UnknownProcedure, defects.UnknownProcedures, spec, random);
        Assign(DefectKind.MissingFile, defects.MissingFiles, spec, random);
        Assign(DefectKind.StrayWhitespace, defects.StrayWhitespace, spec, random);
        Assign(DefectKind.MultilineNote, defects.MultilineNotes, spec, random);
    }

    public DefectKind this[int dossier] => _byDossier.GetValueOrDefault(dossier);

    /// <summary>Spreads n extra rows (orphans) over the dossiers: after which dossier index each is written.</summary>
    public static int[] Spread(int count, int dossiers) =>
        [.. Enumerable.Range(1, count).Select(k => (int)((long)k * dossiers / (count + 1)))];

    private void Assign(DefectKind kind, int count, BundleSpec spec, Random random)
    {
        for (var assigned = 0; assigned < count;)
        {
            if (_byDossier.TryAdd(random.Next(spec.Dossiers), kind))
            {
                assigned++;
            }
        }
    }
}
