namespace OneStop.Infrastructure.Documents;

/// <summary>What documents print about the province and where their QR codes point (section "Province").</summary>
public sealed class ProvinceOptions
{
    public const string Section = "Province";

    /// <summary>The province's name, e.g. "Tỉnh Lạng Sơn": on the portal and in the issuing line of every document.</summary>
    public string Name { get; set; } = "Tỉnh Lạng Sơn";

    /// <summary>The province's code in the national identifier scheme, e.g. "H39".</summary>
    public string Code { get; set; } = "H39";

    /// <summary>The electronic identifier of the provincial People's Committee, e.g. "000.00.00.H39"; printed on documents when set.</summary>
    public string? PeopleCommitteeIdentifier { get; set; }

    /// <summary>The place name of the date line, e.g. "Lạng Sơn".</summary>
    public string Place { get; set; } = "Lạng Sơn";

    /// <summary>The public address of OneStop, used in QR codes (e.g. https://dichvucong.langson.gov.vn).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5000";

    /// <summary>
    /// Who issues the province's electronic documents, as the verification line of each one says it:
    /// "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lạng Sơn (mã định danh 000.00.00.H39)".
    /// </summary>
    public string IssuingSystem
    {
        get
        {
            var name = Name.Trim();
            // "Tỉnh Lạng Sơn" is written "tỉnh Lạng Sơn" inside a sentence; a name without the prefix is written as it is.
            foreach (var prefix in (string[])["Tỉnh ", "Thành phố "])
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    name = char.ToLower(name[0], System.Globalization.CultureInfo.InvariantCulture) + name[1..];
                }
            }

            var identifier = string.IsNullOrWhiteSpace(PeopleCommitteeIdentifier) ? Code : PeopleCommitteeIdentifier;
            return $"Hệ thống thông tin giải quyết thủ tục hành chính {name}" + (string.IsNullOrWhiteSpace(identifier) ? "" : $" (mã định danh {identifier.Trim()})");
        }
    }
}
