using OneStop.Legacy.Bundles;

namespace OneStop.Legacy.Csv;

/// <summary>The columns FORMAT.md gives each table; the first is the key.</summary>
internal sealed record TableSchema(string Table, IReadOnlyList<string> Columns)
{
    public static readonly TableSchema Agencies = new(LegacyTables.Agencies, ["ma_don_vi", "ten_don_vi", "ma_don_vi_cha", "cap"]);

    public static readonly TableSchema Fields = new(LegacyTables.Fields, ["ma_linh_vuc", "ten_linh_vuc"]);

    public static readonly TableSchema Procedures = new(
        LegacyTables.Procedures,
        ["ma_thu_tuc", "ten_thu_tuc", "ma_linh_vuc", "ma_don_vi", "so_ngay_giai_quyet", "le_phi", "muc_do"]);

    public static readonly TableSchema Officials = new(
        LegacyTables.Officials,
        ["ten_dang_nhap", "ho_ten", "ma_don_vi", "chuc_vu", "email", "dien_thoai", "trang_thai"]);

    public static readonly TableSchema Dossiers = new(
        LegacyTables.Dossiers,
        ["so_ho_so", "ma_thu_tuc", "ma_don_vi", "nguoi_nop", "so_giay_to", "ngay_sinh", "dia_chi", "dien_thoai", "email", "kenh_nop",
         "ngay_nop", "ngay_hen_tra", "ngay_hoan_thanh", "ngay_tra_ket_qua", "trang_thai", "can_bo_xu_ly", "ghi_chu"]);

    public static readonly TableSchema History = new(
        LegacyTables.History,
        ["so_ho_so", "thu_tu", "thoi_diem", "ten_dang_nhap", "ma_don_vi", "hanh_dong", "noi_dung"]);

    public static readonly TableSchema Attachments = new(
        LegacyTables.Attachments,
        ["so_ho_so", "ten_giay_to", "ten_tep", "duong_dan", "kich_thuoc", "ngay_tai_len"]);

    public static readonly IReadOnlyList<TableSchema> All = [Agencies, Fields, Procedures, Officials, Dossiers, History, Attachments];

    public string KeyColumn => Columns[0];
}
