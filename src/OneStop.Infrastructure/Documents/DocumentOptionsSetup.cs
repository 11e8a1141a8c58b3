namespace OneStop.Infrastructure.Documents;

/// <summary>What documents print about the province and where their QR codes point (section "Province").</summary>
public sealed class ProvinceOptions
{
    public const string Section = "Province";

    /// <summary>The place name of the date line, e.g. "Lạng Sơn".</summary>
    public string Place { get; set; } = "Lạng Sơn";

    /// <summary>The public address of OneStop, used in QR codes (e.g. https://dichvucong.langson.gov.vn).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5000";
}
