using System.Security.Cryptography;
using OneStop.Documents.Composition;
using OneStop.Documents.Fonts;
using OneStop.Documents.Forms;
using OneStop.Documents.Models;

namespace OneStop.Documents;

/// <summary>The default <see cref="IDocumentRenderer"/>: builds each form's layout and composes it with PDFsharp.</summary>
public sealed class DocumentService : IDocumentRenderer
{
    private const string Pdf = "application/pdf";

    public DocumentService(DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FontSetup.Configure(options.FontDirectory);
    }

    public DocumentService()
        : this(new DocumentOptions())
    {
    }

    public RenderedDocument RenderReceipt(ReceiptModel model) =>
        Compose(DocumentKind.Receipt, ReceiptForm.Build(Check(model)), $"giay-tiep-nhan-{model.DossierCode}");

    public RenderedDocument RenderSupplementRequest(SupplementRequestModel model) =>
        Compose(DocumentKind.SupplementRequest, SupplementRequestForm.Build(Check(model)), $"yeu-cau-bo-sung-{model.DossierCode}");

    public RenderedDocument RenderRejection(RejectionModel model) =>
        Compose(DocumentKind.Rejection, RejectionForm.Build(Check(model)), $"tu-choi-{model.DossierCode}");

    public RenderedDocument RenderApology(ApologyModel model) =>
        Compose(DocumentKind.Apology, ApologyForm.Build(Check(model)), $"xin-loi-hen-lai-{model.DossierCode}");

    public RenderedDocument RenderControlSlip(ControlSlipModel model) =>
        Compose(DocumentKind.ControlSlip, ControlSlipForm.Build(Check(model)), $"phieu-kiem-soat-{model.DossierCode}");

    public RenderedDocument RenderStopProcessing(StopProcessingModel model) =>
        Compose(DocumentKind.StopProcessing, StopProcessingForm.Build(Check(model)), $"dung-giai-quyet-{model.DossierCode}");

    public RenderedDocument RenderWithdrawalConfirmation(WithdrawalConfirmationModel model) =>
        Compose(DocumentKind.WithdrawalConfirmation, WithdrawalConfirmationForm.Build(Check(model)), $"xac-nhan-rut-ho-so-{model.DossierCode}");

    public RenderedDocument RenderRegister(RegisterModel model) =>
        Compose(DocumentKind.Register, RegisterForm.Build(Check(model)), RegisterName(model));

    public RenderedDocument ExportRegisterCsv(RegisterModel model)
    {
        var bytes = RegisterCsv.Export(Check(model));
        return new RenderedDocument(DocumentKind.RegisterCsv, bytes, Hash(bytes), "text/csv; charset=utf-8", 0, RegisterName(model) + ".csv");
    }

    public RenderedDocument RenderResult(ResultDocumentModel model) =>
        Compose(DocumentKind.Result, ResultForm.Build(Check(model)), $"ket-qua-{model.DossierCode}");

    /// <summary>Lowercase hexadecimal SHA-256 of the bytes, as stored and compared by verification.</summary>
    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static RenderedDocument Compose(DocumentKind kind, DocumentLayout layout, string name)
    {
        var (content, pages, slots) = PdfComposer.Compose(layout);
        return new RenderedDocument(kind, content, Hash(content), Pdf, pages, SafeName(name) + ".pdf") { SignatureSlots = slots };
    }

    private static string RegisterName(RegisterModel m) =>
        $"so-theo-doi-ho-so-{m.From:yyyyMMdd}-{m.To:yyyyMMdd}";

    private static string SafeName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());

    private static T Check<T>(T model)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(model);
        return model;
    }
}
