using OneStop.Core.Procedures;

namespace OneStop.Infrastructure.Seeding;

/// <summary>The demo catalogue: one procedure per sample workflow, with real national codes.</summary>
public static class DemoProcedures
{
    public static IReadOnlyList<(string Code, string Name)> Fields { get; } =
    [
        ("DUONG-BO", "Đường bộ"),
        ("XAY-DUNG", "Hoạt động xây dựng"),
        ("LY-LICH-TU-PHAP", "Lý lịch tư pháp"),
        ("HO-TICH", "Hộ tịch"),
        ("THANH-LAP-DN", "Thành lập và hoạt động của hộ kinh doanh"),
    ];

    public static IReadOnlyList<ProcedureSeed> All { get; } =
    [
        new("1.002804", "Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "DUONG-BO", "SGTVT", OnlineLevel.Level4, 135_000m, 5,
            "driving-licence-renewal",
            [new("DON", "Đơn đề nghị đổi giấy phép lái xe", 1, DocumentForm.Original), new("GKSK", "Giấy khám sức khỏe của người lái xe", 1, DocumentForm.Original),
             new("GPLX", "Bản sao giấy phép lái xe", 1, DocumentForm.Copy)],
            [new("licenceNumber", "Số giấy phép lái xe", FormFieldType.Text, true),
             new("licenceClass", "Hạng giấy phép", FormFieldType.Choice, true) { Options = ["A1", "A", "B", "C1", "C", "D", "E"] },
             new("deliverByPost", "Nhận kết quả qua bưu chính", FormFieldType.Choice) { Options = ["true", "false"] },
             new("postalAddress", "Địa chỉ nhận qua bưu chính", FormFieldType.Address)])
        {
            ResultTemplate = """
                {
                  "title": "QUYẾT ĐỊNH",
                  "subtitle": "Về việc cấp đổi giấy phép lái xe",
                  "grounds": ["Căn cứ Luật Trật tự, an toàn giao thông đường bộ ngày 27 tháng 6 năm 2024;",
                              "Xét đề nghị của ông/bà {{applicantName}} tại hồ sơ số {{dossierCode}},"],
                  "paragraphs": ["Cấp đổi giấy phép lái xe cho ông/bà {{applicantName}}, số định danh cá nhân {{applicantIdNumber}}, với các thông tin sau:"],
                  "fields": [
                    { "label": "Số giấy phép cũ", "value": "{{licenceNumber}}" },
                    { "label": "Hạng", "value": "{{licenceClass}}" }
                  ],
                  "closing": ["Giấy phép lái xe được gửi tới người đề nghị qua dịch vụ bưu chính công ích."],
                  "signerTitle": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
                  "recipients": ["Như trên;", "Lưu: VT, QLPT."]
                }
                """,
        },
        new("1.009994", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "XAY-DUNG", "SXD", OnlineLevel.Level3, 75_000m, 15,
            "construction-permit-house",
            [new("DON", "Đơn đề nghị cấp giấy phép xây dựng", 1, DocumentForm.Original),
             new("QSDD", "Giấy tờ chứng minh quyền sử dụng đất", 1, DocumentForm.CertifiedCopy),
             new("BVTK", "Bản vẽ thiết kế xây dựng", 2, DocumentForm.Original)],
            [new("address", "Địa điểm xây dựng", FormFieldType.Address, true), new("area", "Diện tích xây dựng (m²)", FormFieldType.Number, true) { Min = 1, Max = 100_000 },
             new("floors", "Số tầng", FormFieldType.Number, true) { Min = 1, Max = 50 }]),
        new("2.000488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "LY-LICH-TU-PHAP", "STP",
            OnlineLevel.Level4, 200_000m, 10, "criminal-record-certificate",
            [new("TOKHAI", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", 1, DocumentForm.Original), new("CCCD", "Bản chụp Căn cước công dân", 1, DocumentForm.Copy)],
            [new("purpose", "Mục đích sử dụng", FormFieldType.Text, true), new("copies", "Số lượng phiếu", FormFieldType.Number, true) { Min = 1, Max = 10 }]),
        new("1.001193", "Đăng ký khai sinh", "HO-TICH", null, OnlineLevel.Level4, 0m, 1, "birth-registration",
            [new("TOKHAI", "Tờ khai đăng ký khai sinh", 1, DocumentForm.Original), new("GCS", "Giấy chứng sinh", 1, DocumentForm.Original)],
            [new("childName", "Họ, chữ đệm, tên trẻ", FormFieldType.Text, true), new("birthDate", "Ngày sinh", FormFieldType.Date, true),
             new("gender", "Giới tính", FormFieldType.Choice, true) { Options = ["Nam", "Nữ"] }]),
        new("1.001612", "Đăng ký thành lập hộ kinh doanh", "THANH-LAP-DN", null, OnlineLevel.Level3, 100_000m, 3, "household-business-registration",
            [new("GDN", "Giấy đề nghị đăng ký hộ kinh doanh", 1, DocumentForm.Original), new("CCCD", "Bản sao giấy tờ pháp lý của cá nhân", 1, DocumentForm.Copy)],
            [new("businessName", "Tên hộ kinh doanh", FormFieldType.Text, true), new("capital", "Vốn kinh doanh (đồng)", FormFieldType.Number, true) { Min = 0 },
             new("applicantType", "Loại chủ thể", FormFieldType.Choice, true) { Options = ["individual", "business"] }]),
    ];
}
