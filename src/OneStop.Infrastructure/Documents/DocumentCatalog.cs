using OneStop.Workflows.Definitions;

namespace OneStop.Infrastructure.Documents;

/// <summary>What OneStop knows of each kind of document it issues: its title, its reference suffix and who it comes from.</summary>
public static class DocumentCatalog
{
    /// <param name="Title">The statutory title, as printed and listed.</param>
    /// <param name="ReferenceSuffix">The suffix of the document's number, e.g. "TNHS" in "SGTVT-260302-0001/TNHS".</param>
    /// <param name="FromCounter">Issued by the one-stop counter (Bộ phận Tiếp nhận và Trả kết quả) rather than the agency itself.</param>
    /// <param name="AnnouncedToApplicant">The applicant is told when it is issued (control slips are internal; the supplement request notifies through its step).</param>
    public sealed record Entry(string Title, string ReferenceSuffix, bool FromCounter, bool AnnouncedToApplicant);

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        [DocumentKinds.Receipt] = new("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "TNHS", FromCounter: true, AnnouncedToApplicant: true),
        [DocumentKinds.SupplementRequest] = new("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "YCBS", FromCounter: true, AnnouncedToApplicant: false),
        [DocumentKinds.Rejection] = new("Phiếu từ chối tiếp nhận, giải quyết hồ sơ", "TCHS", FromCounter: true, AnnouncedToApplicant: true),
        [DocumentKinds.Apology] = new("Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", "XLHS", FromCounter: false, AnnouncedToApplicant: true),
        [DocumentKinds.ControlSlip] = new("Phiếu kiểm soát quá trình giải quyết hồ sơ", "KSHS", FromCounter: true, AnnouncedToApplicant: false),
        [DocumentKinds.Result] = new("Kết quả giải quyết thủ tục hành chính", "KQ", FromCounter: false, AnnouncedToApplicant: true),
        [DocumentKinds.StopProcessing] = new("Thông báo dừng giải quyết hồ sơ", "DGQ", FromCounter: false, AnnouncedToApplicant: true),
        // Announced on screen when the applicant withdraws; the confirmation is in their documents without a further e-mail.
        [DocumentKinds.Withdrawal] = new("Phiếu xác nhận rút hồ sơ", "RHS", FromCounter: true, AnnouncedToApplicant: false),
        [DocumentKinds.PaymentReceipt] = new("Biên lai thu phí, lệ phí", "BLTP", FromCounter: false, AnnouncedToApplicant: false),
    };

    /// <summary>Document kinds the applicant is told about when issued.</summary>
    public static IReadOnlySet<string> Announced { get; } =
        Entries.Where(e => e.Value.AnnouncedToApplicant).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The kinds OneStop has a form for.</summary>
    public static IReadOnlyCollection<string> Kinds => Entries.Keys;

    public static Entry? Find(string kind) => Entries.GetValueOrDefault(kind);

    /// <summary>The title of a kind, or the kind itself for one OneStop has no form for.</summary>
    public static string TitleOf(string kind) => Find(kind)?.Title ?? kind;
}
