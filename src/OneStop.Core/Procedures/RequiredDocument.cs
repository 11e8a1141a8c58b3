namespace OneStop.Core.Procedures;

/// <summary>A document the applicant must provide (thành phần hồ sơ), with how many copies and in which form.</summary>
public sealed record RequiredDocument(string Code, string Name, int Copies, DocumentForm Form, bool IsRequired = true)
{
    /// <summary>The blank form the applicant fills in for this document (mẫu đơn, tờ khai), e.g. "Mẫu số 01/TK", if any.</summary>
    public string? Template { get; init; }

    public string FormLabel => Form switch
    {
        DocumentForm.Original => "Bản chính",
        DocumentForm.CertifiedCopy => "Bản sao có chứng thực",
        _ => "Bản sao",
    };
}
