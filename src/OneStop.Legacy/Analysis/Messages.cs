namespace OneStop.Legacy.Analysis;

/// <summary>The Vietnamese reasons written into the report.</summary>
internal static class Messages
{
    public static string WrongFieldCount(int actual, int expected) =>
        $"Bản ghi có {actual} trường, tiêu đề có {expected} trường; bỏ qua bản ghi.";

    public static string UnterminatedQuote() =>
        "Dấu ngoặc kép mở ở bản ghi này không được đóng; phần còn lại của tệp bị gộp vào bản ghi này và không được nhập.";

    public static string EmptyKey(string column) => $"Thiếu giá trị khóa '{column}'; bỏ qua bản ghi.";

    public static string DuplicateDossier(string code, long winner) =>
        $"Mã hồ sơ {code} xuất hiện nhiều lần; bản ghi ở dòng {winner} (sau cùng) được dùng thay cho bản ghi này.";

    public static string DuplicateKey(string column, string key, long winner) =>
        $"Khóa {column} = {key} xuất hiện nhiều lần; bản ghi ở dòng {winner} (sau cùng) được dùng thay cho bản ghi này.";

    public static string Orphan(string code, string what) =>
        $"Không có hồ sơ {code} trong ho_so.csv; bỏ qua {what}.";

    public static string ParentRejected(string code, string what) =>
        $"Hồ sơ {code} bị từ chối nhập nên {what} cũng bị bỏ qua.";

    public static string BadRequiredDate(string column, string value) =>
        value.Length == 0
            ? $"Thiếu ngày bắt buộc '{column}'; bản ghi bị từ chối."
            : $"Ngày bắt buộc '{column}' không hợp lệ: '{value}'; bản ghi bị từ chối.";

    public static string BadOptionalDate(string column, string value) =>
        $"Ngày '{column}' không hợp lệ: '{value}'; để trống giá trị.";

    public static string UnknownProcedure(string code) =>
        $"Mã thủ tục {code} không có trong thu_tuc.csv; hồ sơ được nhập vào thủ tục tạm (không hoạt động) mang mã này.";

    public static string MissingFile(string path) => $"Không tìm thấy tệp đính kèm '{path}' trong gói dữ liệu; thông tin tệp vẫn được nhập và đánh dấu thiếu tệp.";

    public static string NoPath() => "Tệp đính kèm không có đường dẫn; thông tin tệp vẫn được nhập và đánh dấu thiếu tệp.";

    public static string UnsafePath(string path) => $"Đường dẫn tệp '{path}' nằm ngoài gói dữ liệu (tuyệt đối hoặc có '..'); bản ghi bị từ chối.";

    public static string BadRequiredValue(string column, string value) =>
        value.Length == 0
            ? $"Thiếu giá trị bắt buộc '{column}'; bản ghi bị từ chối."
            : $"Giá trị '{column}' không hợp lệ: '{value}'; bản ghi bị từ chối.";

    public static string BadOptionalValue(string column, string value) =>
        $"Giá trị '{column}' không hợp lệ: '{value}'; để trống giá trị.";
}
