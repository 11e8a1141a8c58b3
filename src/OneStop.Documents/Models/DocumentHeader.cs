namespace OneStop.Documents.Models;

/// <summary>The issuing agency block, reference number and place/date line shared by every form.</summary>
/// <param name="ParentAgencyName">The governing body printed above the agency (e.g. "UBND TỈNH LẠNG SƠN"); optional.</param>
/// <param name="AgencyName">The issuing agency, printed bold (e.g. "SỞ XÂY DỰNG").</param>
/// <param name="UnitName">A unit line under the agency (e.g. "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"); optional.</param>
/// <param name="Reference">The document number and symbol printed after "Số:"; optional.</param>
/// <param name="Place">The place name of the date line (e.g. "Lạng Sơn").</param>
/// <param name="IssuedAt">When the document is issued; shown in Vietnam time (UTC+7).</param>
/// <param name="AgencyNameInText">The agency's name as written inside sentences (e.g. "Sở Xây dựng"); defaults to AgencyName.</param>
public sealed record DocumentHeader(
    string? ParentAgencyName,
    string AgencyName,
    string? UnitName,
    string? Reference,
    string Place,
    DateTimeOffset IssuedAt,
    string? AgencyNameInText = null)
{
    public string AgencyInText => string.IsNullOrWhiteSpace(AgencyNameInText) ? AgencyName : AgencyNameInText;
}
