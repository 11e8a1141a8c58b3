namespace OneStop.Legacy.Tests.Generator;

/// <summary>The defect a generated dossier carries, if any.</summary>
internal enum DefectKind
{
    None,
    Duplicate,
    BadRequiredDate,
    BadOptionalDate,
    UnknownProcedure,
    MissingFile,
    StrayWhitespace,
    MultilineNote,
}
