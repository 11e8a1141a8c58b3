using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Tests.Support;

internal static class DemoOrganisation
{
    public static OrganisationCatalog Catalog { get; } = new(new Dictionary<string, IEnumerable<string>>
    {
        ["UBND-LS"] = ["MOTCUA", "LANHDAO"],
        ["SGTVT"] = ["MOTCUA", "LANHDAO", "QLPT"],
        ["SXD"] = ["MOTCUA", "LANHDAO", "QLXD", "QHKT", "HTKT"],
        ["STP"] = ["MOTCUA", "LANHDAO", "HCTP"],
        ["CA-TINH"] = ["MOTCUA", "LANHDAO", "PV06"],
        ["P-LVT"] = ["MOTCUA", "LANHDAO", "VHXH", "KT"],
        ["P-DK"] = ["MOTCUA", "LANHDAO", "VHXH", "KT"],
        ["X-CL"] = ["MOTCUA", "LANHDAO", "VHXH", "KT"],
        ["H-CAOLOC"] = ["MOTCUA", "LANHDAO"],
    });

    /// <summary>The agency that receives dossiers of each sample workflow.</summary>
    public static string ReceivingAgency(string definitionId) => definitionId switch
    {
        "driving-licence-renewal" => "SGTVT",
        "construction-permit-house" => "SXD",
        "criminal-record-certificate" => "STP",
        _ => "P-LVT",
    };
}
