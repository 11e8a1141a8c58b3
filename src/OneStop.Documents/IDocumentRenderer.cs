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

    /// <summary>The notice that processing stops (Mẫu số 05).</summary>
    RenderedDocument RenderStopProcessing(StopProcessingModel model);

    /// <summary>The confirmation that the applicant withdrew the dossier.</summary>
    RenderedDocument RenderWithdrawalConfirmation(WithdrawalConfirmationModel model);

    RenderedDocument RenderRegister(RegisterModel model);

    RenderedDocument ExportRegisterCsv(RegisterModel model);

    /// <summary>Renders a result document; throws TemplateValidationException for unknown placeholders.</summary>
    RenderedDocument RenderResult(ResultDocumentModel model);
}
