namespace OneStop.Legacy.Reporting;

/// <summary>Why a row was reported; serialised in snake_case (bad_required_date …).</summary>
public enum IssueKind
{
    /// <summary>An earlier ho_so row with the same so_ho_so; the later row wins.</summary>
    DuplicateDossier,

    /// <summary>An earlier row of a reference table with the same key, or of qua_trinh with the same (so_ho_so, thu_tu); the later row wins.</summary>
    DuplicateKey,

    /// <summary>A qua_trinh row whose so_ho_so is not in ho_so.</summary>
    OrphanHistory,

    /// <summary>A tep_dinh_kem row whose so_ho_so is not in ho_so.</summary>
    OrphanAttachment,

    /// <summary>A history or attachment row of a rejected dossier.</summary>
    ParentRejected,

    /// <summary>A required date is missing or does not parse; the row is rejected.</summary>
    BadRequiredDate,

    /// <summary>An optional date does not parse; the value is left empty.</summary>
    BadOptionalDate,

    /// <summary>A dossier's ma_thu_tuc is not in thu_tuc; it is imported under a placeholder procedure.</summary>
    UnknownProcedure,

    /// <summary>An attachment's file is not in the bundle; the metadata is imported and marked missing.</summary>
    MissingFile,

    /// <summary>An attachment path that is absolute or leaves the bundle ("..").</summary>
    UnsafePath,

    /// <summary>A quoted field that is never closed: the record runs to the end of the file, which is therefore not read further.</summary>
    UnterminatedQuote,

    /// <summary>A record with a different number of fields than the header.</summary>
    WrongFieldCount,

    /// <summary>A record whose key column is empty.</summary>
    EmptyKey,

    /// <summary>Any other value that is missing or invalid (status code, number, channel …).</summary>
    BadValue,

    /// <summary>
    /// An open dossier (status 1, 2, 3, 4, 8) whose procedure has no OneStop workflow (legacy-only, no defaultWorkflow in the mapping):
    /// it is imported without a workflow instance, so it is in no inbox until a mapping gives it one and the bundle is imported again.
    /// A warning found by the database writer, not by the reader (it depends on OneStop's procedures and the mapping).
    /// </summary>
    NoWorkflow,
}
