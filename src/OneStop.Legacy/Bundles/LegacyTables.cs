namespace OneStop.Legacy.Bundles;

/// <summary>The names of the seven tables of an mclt-export bundle, in import order.</summary>
public static class LegacyTables
{
    public const string Agencies = "don_vi";
    public const string Fields = "linh_vuc";
    public const string Procedures = "thu_tuc";
    public const string Officials = "can_bo";
    public const string Dossiers = "ho_so";
    public const string History = "qua_trinh";
    public const string Attachments = "tep_dinh_kem";

    /// <summary>All tables in the order a writer should import them (parents before children).</summary>
    public static readonly IReadOnlyList<string> All = [Agencies, Fields, Procedures, Officials, Dossiers, History, Attachments];
}
