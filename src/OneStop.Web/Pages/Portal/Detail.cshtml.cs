using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Core.Procedures;
using OneStop.Application.DocumentStore;
using OneStop.Application.Dossiers;
using OneStop.Infrastructure.Files;
using OneStop.Infrastructure.Payments;
using OneStop.Core.Payments;
using OneStop.Core.Dossiers;
using OneStop.Workflows.Runtime.Errors;

namespace OneStop.Web.Pages.Portal;

[RequestSizeLimit(64 * 1024 * 1024)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Upload)]
public sealed class DetailModel(OwnDossiers own, DossierViews views, PortalDossierFacts facts, FeePayments payments, MyDocumentStore store)
    : PageModel
{
    /// <summary>The citizen's store while a supplement is asked for: a required document may be picked from it instead of uploaded.</summary>
    public IReadOnlyList<MyDocumentStore.Item> Stored { get; private set; } = [];

    public bool CanRate { get; private set; }
    public DossierRating? Rating { get; private set; }
    public string? RatingError { get; private set; }
    /// <summary>The online fee (level 4), or null when none is paid online.</summary>
    public decimal? Fee { get; private set; }
    public DateTimeOffset? FeePaidAt { get; private set; }
    public IReadOnlyList<Payment> Payments { get; private set; } = [];
    public string? PaymentNotice { get; private set; }
    public bool CanPay { get; private set; }
    public bool OffersDelivery { get; private set; }
    public bool DeliverySaved { get; private set; }
    public bool CanChooseDelivery { get; private set; }
    public DeliveryChoiceView? DeliveryView { get; private set; }
    private string? _deliveryError;
    public DossierViews.Detail? View { get; private set; }
    public bool Fresh { get; private set; }
    public string? SupplementRequest { get; private set; }
    public IReadOnlyList<RequiredDocument> RequiredDocuments { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    public bool CanWithdraw { get; private set; }
    public string? WithdrawError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? moi, string? thanhtoan, string? nhanketqua, CancellationToken cancellationToken)
    {
        Fresh = moi == "1";
        PaymentNotice = thanhtoan switch
        {
            "succeeded" => "Thanh toán lệ phí thành công. Biên lai thu phí, lệ phí có trong mục Văn bản.",
            "failed" => "Thanh toán không thành công. Bạn có thể thanh toán lại.",
            "cancelled" => "Bạn đã hủy thanh toán. Bạn có thể thanh toán lại khi sẵn sàng.",
            _ => null,
        };
        DeliverySaved = nhanketqua == "1";
        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>The applicant answers a supplement request: new files and documents picked from their store, then the workflow's resubmit action.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? comment, [FromServices] ResubmitDossier resubmit, CancellationToken cancellationToken)
    {
        var uploads = Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("doc.", StringComparison.Ordinal)).ToList();
        var picks = Request.Form.Where(f => f.Key.StartsWith("store.", StringComparison.Ordinal) && f.Key.Length > 6)
            .Select(f => (Code: f.Key[6..], Id: Guid.TryParse(f.Value.ToString(), out var storedId) ? storedId : Guid.Empty))
            .Where(p => p.Id != Guid.Empty).ToList();
        var streams = uploads.Select(f => f.OpenReadStream()).ToList();
        try
        {
            await resubmit.ExecuteAsync(new ResubmitDossierCommand(id, comment,
                uploads.Select((f, i) => (f.Name[4..], new Upload(f.FileName, streams[i]))).ToList(), picks), cancellationToken);
            TempData["PortalMessage"] = "Đã nộp bổ sung hồ sơ.";
            return Redirect($"/ho-so/{id}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }
        catch (WorkflowException ex)
        {
            Error = ex.MessageVi;
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }

        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>The applicant withdraws the dossier before it is decided, with a reason (the same use case as the API's).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? withdrawReason, [FromServices] WithdrawDossier withdraw,
        CancellationToken cancellationToken)
    {
        try
        {
            await withdraw.ExecuteAsync(new WithdrawDossierCommand(id, withdrawReason), cancellationToken);
            TempData["PortalMessage"] = "Đã rút hồ sơ.";
            return Redirect($"/ho-so/{id}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            WithdrawError = ex.Message;
        }
        catch (WorkflowException ex)
        {
            WithdrawError = ex.MessageVi;
        }

        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>Starts an online payment of the fee and sends the citizen to the payment provider.</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, [FromServices] PayFee pay, CancellationToken cancellationToken)
    {
        try
        {
            var (_, url) = await pay.ExecuteAsync(new PayFeeCommand(id), cancellationToken);
            return Redirect(url.ToString());
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }

        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>The applicant chooses (or changes) how to receive the result.</summary>
    public async Task<IActionResult> OnPostDeliveryAsync(Guid id, ResultDelivery? delivery, string? postalAddress, [FromServices] ChooseResultDelivery choose,
        CancellationToken cancellationToken)
    {
        try
        {
            await choose.ExecuteAsync(new ChooseResultDeliveryCommand(id, delivery ?? ResultDelivery.Electronic, postalAddress), cancellationToken);
            return Redirect($"/ho-so/{id}?nhanketqua=1");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            _deliveryError = ex.Message;
        }

        var result = await LoadAsync(id, cancellationToken);
        DeliveryView = DeliveryView! with { Delivery = delivery, PostalAddress = postalAddress };
        return result;
    }

    /// <summary>The applicant rates the completed dossier (once).</summary>
    public async Task<IActionResult> OnPostRateAsync(Guid id, int? score, string? ratingComment, [FromServices] RateDossier rate,
        CancellationToken cancellationToken)
    {
        try
        {
            await rate.ExecuteAsync(new RateDossierCommand(id, score ?? 0, ratingComment), cancellationToken);
            return Redirect($"/ho-so/{id}#danh-gia");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            RatingError = score is null ? "Vui lòng chọn mức độ hài lòng từ 1 đến 5." : ex.Message;
        }

        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Message ??= TempData["PortalMessage"] as string;
            var dossier = await own.ReadAsync(id, cancellationToken);
            View = await views.ForApplicantAsync(dossier, cancellationToken);
            Fee = dossier.Code is null ? null : await payments.FeeDueAsync(dossier, cancellationToken);
            FeePaidAt = dossier.FeePaidAt;
            Payments = Fee is null ? [] : await payments.ListAsync(dossier.Id, cancellationToken);
            CanPay = Fee is not null && FeePaidAt is null && !dossier.IsClosed;
            Rating = await views.RatingAsync(dossier.Id, cancellationToken);
            CanRate = Rating is null && dossier.Status == DossierStatus.Completed;
            OffersDelivery = dossier.ResultDelivery is not null || await facts.IsLevel4Async(dossier, cancellationToken);
            CanChooseDelivery = OffersDelivery && !dossier.IsClosed && dossier.ResultReturnedAt is null;
            DeliveryView = new DeliveryChoiceView(dossier.ResultDelivery, dossier.PostalAddress ?? dossier.Applicant.Address, _deliveryError);
            RequiredDocuments = await facts.RequiredDocumentsAsync(dossier, cancellationToken);
            SupplementRequest = await facts.SupplementRequestAsync(dossier, cancellationToken);
            Stored = dossier.Status == DossierStatus.WaitingForSupplement ? await store.ListAsync(cancellationToken) : [];
            CanWithdraw = dossier.WorkflowInstanceId is not null && !dossier.IsClosed && dossier.Status != DossierStatus.ResultReady;
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
