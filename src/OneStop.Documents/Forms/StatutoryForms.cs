namespace OneStop.Documents.Forms;

/// <summary>
/// Which form of Circular 03/2025/TT-VPCP (Appendix I, in force from 15/9/2025, guiding Decree 118/2025/NĐ-CP) each
/// document kind is. Circular 01/2018/TT-VPCP numbered the control slip 05 and the register 06; the stop notice is new.
/// </summary>
public static class StatutoryForms
{
    /// <summary>One row of the mapping: the kind, the circular's form number (null: not a form of the circular) and its name there.</summary>
    public sealed record Entry(DocumentKind Kind, string? Number, string CircularName);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new(DocumentKind.Receipt, "01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        new(DocumentKind.SupplementRequest, "02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        new(DocumentKind.Rejection, "03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        new(DocumentKind.Apology, "04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
        new(DocumentKind.StopProcessing, "05", "Thông báo dừng giải quyết hồ sơ"),
        new(DocumentKind.ControlSlip, "06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        new(DocumentKind.Register, "07", "Sổ theo dõi hồ sơ"),
        new(DocumentKind.RegisterCsv, "07", "Sổ theo dõi hồ sơ (bản CSV)"),
        new(DocumentKind.Result, null, "Kết quả giải quyết thủ tục hành chính (mẫu của từng thủ tục)"),
        new(DocumentKind.WithdrawalConfirmation, null, "Phiếu xác nhận rút hồ sơ (của OneStop)"),
    ];

    /// <summary>"Mẫu số 05" for a kind the circular numbers; null otherwise.</summary>
    public static string? FormNumber(DocumentKind kind) => All.FirstOrDefault(e => e.Kind == kind)?.Number is { } n ? $"Mẫu số {n}" : null;
}
