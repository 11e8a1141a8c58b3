using OneStop.Documents.Models;

namespace OneStop.Documents;

/// <summary>Renders the one-stop forms and result documents to PDF (and the register to CSV); thread-safe.</summary>
public interface IDocumentRenderer
{
    RenderedDocument RenderReceipt(ReceiptModel model);

    RenderedDocument RenderSupplementRequest(SupplementRequestModel model);

    RenderedDocument RenderRejection(RejectionModel model);

    RenderedDocument RenderApology(ApologyModel model);

    RenderedDocument RenderControlSlip(ControlSlipModel model);

    RenderedDocument RenderRegister(RegisterModel model);

    RenderedDocument ExportRegisterCsv(RegisterModel model);

    /// <summary>Renders a result document; throws TemplateValidationException for unknown placeholders.</summary>
    RenderedDocument RenderResult(ResultDocumentModel model);
}
