namespace OneStop.Core.Dossiers;

/// <summary>How a hand-over of the result reads, on the timeline and on the dossier page.</summary>
public static class HandoverText
{
    public static string Describe(HandoverMethod method, string? receivedBy) => method switch
    {
        HandoverMethod.Counter => $"Trả kết quả tại Bộ phận một cửa; người nhận: {receivedBy}.",
        HandoverMethod.Online => "Trả kết quả trực tuyến trên Cổng dịch vụ công." + (receivedBy is null ? string.Empty : $" Ghi chú: {receivedBy}."),
        _ => "Trả kết quả qua dịch vụ bưu chính công ích." + (receivedBy is null ? string.Empty : $" Người nhận/số vận đơn: {receivedBy}."),
    };

    public static string MethodName(HandoverMethod method) => method switch
    {
        HandoverMethod.Counter => "Tại Bộ phận một cửa",
        HandoverMethod.Online => "Trực tuyến",
        _ => "Qua bưu chính",
    };
}
