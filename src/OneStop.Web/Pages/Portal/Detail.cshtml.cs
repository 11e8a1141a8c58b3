using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Payments;
using OneStop.Core.Payments;
using OneStop.Core.Dossiers;
using OneStop.Web.Features.Dossiers;
using OneStop.Workflows.Runtime.Errors;

namespace OneStop.Web.Pages.Portal;

[RequestSizeLimit(64 * 1024 * 1024)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Upload)]
public sealed class DetailModel(CitizenDossiers dossiers, DossierViews views, OneStopDbContext db, FeePayments payments, DossierRatings ratings)
    : PageModel
{
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

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

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

    /// <summary>The applicant answers a supplement request: new files, then the workflow's resubmit action.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? comment, CancellationToken cancellationToken)
    {
        try
        {
            var dossier = await dossiers.OwnAsync(UserId, id, cancellationToken);
            foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("doc.", StringComparison.Ordinal)))
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                await dossiers.AttachAsync(UserId, id, file.Name[4..], file.FileName, buffer.ToArray(), cancellationToken);
            }

            await dossiers.ResubmitAsync(UserId, dossier.Id, comment, cancellationToken);
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

        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>Starts an online payment of the fee and sends the citizen to the payment provider.</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var (_, url) = await payments.StartAsync(UserId, id, cancellationToken);
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
    public async Task<IActionResult> OnPostDeliveryAsync(Guid id, ResultDelivery? delivery, string? postalAddress, CancellationToken cancellationToken)
    {
        try
        {
            await dossiers.ChooseDeliveryAsync(UserId, id, delivery ?? ResultDelivery.Electronic, postalAddress, cancellationToken);
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
    public async Task<IActionResult> OnPostRateAsync(Guid id, int? score, string? ratingComment, CancellationToken cancellationToken)
    {
        try
        {
            await ratings.RateAsync(UserId, id, score ?? 0, ratingComment, cancellationToken);
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
            var dossier = await dossiers.OwnAsync(UserId, id, cancellationToken);
            View = await views.DetailAsync(dossier, cancellationToken);
            Fee = dossier.Code is null ? null : await payments.FeeDueAsync(dossier, cancellationToken);
            FeePaidAt = dossier.FeePaidAt;
            Payments = Fee is null ? [] : await payments.ListAsync(dossier.Id, cancellationToken);
            CanPay = Fee is not null && FeePaidAt is null && !dossier.IsClosed;
            Rating = await ratings.FindAsync(UserId, dossier.Id, cancellationToken);
            CanRate = Rating is null && dossier.Status == DossierStatus.Completed;
            OffersDelivery = dossier.ResultDelivery is not null
                || await db.Procedures.AsNoTracking().AnyAsync(p => p.Id == dossier.ProcedureId && p.Level == OnlineLevel.Level4, cancellationToken);
            CanChooseDelivery = OffersDelivery && !dossier.IsClosed && dossier.ResultReturnedAt is null;
            DeliveryView = new DeliveryChoiceView(dossier.ResultDelivery, dossier.PostalAddress ?? dossier.Applicant.Address, _deliveryError);
            RequiredDocuments = await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.RequiredDocuments)
                .SingleAsync(cancellationToken);
            SupplementRequest = dossier.Code is null ? null : await db.WorkflowJournal.AsNoTracking()
                .Where(j => j.DossierId == dossier.Code && j.ActionId == "requestSupplement").OrderByDescending(j => j.Sequence)
                .Select(j => j.Comment).FirstOrDefaultAsync(cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
