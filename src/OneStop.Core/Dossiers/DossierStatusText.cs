namespace OneStop.Core.Dossiers;

/// <summary>A dossier's status as people read it, the same on pages, in the API and in e-mails.</summary>
public static class DossierStatusText
{
    public static string Of(DossierStatus status) => status switch
    {
        DossierStatus.Draft => "Đang soạn",
        DossierStatus.Submitted => "Đã nộp, chờ tiếp nhận",
        DossierStatus.InProgress => "Đang xử lý",
        DossierStatus.WaitingForSupplement => "Chờ bổ sung",
        DossierStatus.ResultReady => "Đã có kết quả",
        DossierStatus.Completed => "Đã trả kết quả",
        DossierStatus.Rejected => "Từ chối",
        DossierStatus.Withdrawn => "Đã rút",
        _ => status.ToString(),
    };
}
