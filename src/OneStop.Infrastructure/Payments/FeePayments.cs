using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Payments;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Notifications;

namespace OneStop.Infrastructure.Payments;

/// <summary>Online payment of a level-4 dossier's fee: start an attempt, then apply the provider's signed callback exactly once.</summary>
public sealed partial class FeePayments(OneStopDbContext db, IPaymentProvider provider, DocumentIssuer issuer, TimeProvider clock,
    ApplicantNotices notices, ILogger<FeePayments> logger)
{
    /// <summary>The fee the applicant pays online for this dossier, or null when the procedure takes no online payment.</summary>
    public async Task<decimal?> FeeDueAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var terms = dossier.ProcedureVersionId is { } versionId
            ? await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => new { v.Level, v.Fee }).SingleAsync(cancellationToken)
            : await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => new { p.Level, p.Fee }).SingleAsync(cancellationToken);
        return terms.Level == OnlineLevel.Level4 && terms.Fee > 0 ? terms.Fee : null;
    }

    /// <summary>Starts an attempt for the citizen's own submitted dossier and returns where to send the payer.</summary>
    public async Task<(Payment Payment, Uri RedirectUrl)> StartAsync(Guid userId, Guid dossierId, CancellationToken cancellationToken = default)
    {
        var dossier = await db.FindOwnedAsync(dossierId, userId, tracked: false, cancellationToken)
            ?? throw new NotFoundException("Không tìm thấy hồ sơ.");
        if (provider.Name == PaymentOptions.NoProvider)
        {
            throw ConfiguredPaymentProvider.Unavailable();
        }

        var fee = await FeeDueAsync(dossier, cancellationToken)
            ?? throw new ConflictException("payment.not_required", "Thủ tục này không thu phí, lệ phí trực tuyến.");
        if (dossier.Code is null)
        {
            throw new ConflictException("payment.not_submitted", "Vui lòng nộp hồ sơ trước khi thanh toán phí, lệ phí.");
        }

        if (dossier.FeePaidAt is not null)
        {
            throw new ConflictException("payment.already_paid", $"Lệ phí của hồ sơ {dossier.Code} đã được thanh toán.");
        }

        if (dossier.IsClosed)
        {
            throw new ConflictException("payment.closed", $"Hồ sơ {dossier.Code} đã kết thúc, không thanh toán được.");
        }

        var payment = new Payment(dossier.Id, userId, fee, provider.Name, clock.GetUtcNow());
        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);
        var url = provider.RedirectUrl(new PaymentRequest(payment.Id, fee,
            $"Lệ phí hồ sơ {dossier.Code}", "/thanh-toan/ket-qua"));
        return (payment, url);
    }

    /// <summary>Applies a provider callback; a replayed callback returns the attempt unchanged. Throws when the signature is wrong.</summary>
    public async Task<(Payment Payment, Dossier Dossier)> HandleCallbackAsync(IReadOnlyDictionary<string, string> parameters,
        CancellationToken cancellationToken = default)
    {
        PaymentCallback callback;
        try
        {
            callback = provider.ReadCallback(parameters);
        }
        catch (PaymentSignatureException)
        {
            LogRejected(logger, parameters.GetValueOrDefault("paymentId"));
            throw;
        }

        Payment payment;
        Dossier dossier;
        for (var attempt = 1; ; attempt++)
        {
            payment = await db.Payments.SingleOrDefaultAsync(p => p.Id == callback.PaymentId, cancellationToken)
                ?? throw new NotFoundException("Không tìm thấy giao dịch thanh toán.");
            dossier = await db.Dossiers.SingleAsync(d => d.Id == payment.DossierId, cancellationToken);
            if (!await ApplyAsync(payment, dossier, callback, cancellationToken))
            {
                break;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogCompleted(logger, payment.Id, payment.Status);
                break;
            }
            catch (DbUpdateException ex) when (attempt < 3 && (ex is DbUpdateConcurrencyException || Email.EmailOutbox.IsDuplicate(ex)))
            {
                // The same callback arrived twice at once (browser return and server notification), or the dossier moved on
                // meanwhile: read again; a completed attempt is then left as it is.
                db.ChangeTracker.Clear();
            }
        }

        if (payment.Status == PaymentStatus.Succeeded && payment.ReceiptDocumentId is null)
        {
            try
            {
                var receipt = await issuer.IssueAsync(new IssueRequest(dossier.Code!, OneStop.Workflows.Definitions.DocumentKinds.PaymentReceipt) { SourceKey = $"payment:{payment.Id}" },
                    cancellationToken);
                payment.AttachReceipt(receipt.Id);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException
                                               || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another request issued the receipt at the same moment.
                db.ChangeTracker.Clear();
                return await ReloadAsync(payment.Id, cancellationToken);
            }
        }

        return (payment, dossier);
    }

    private async Task<bool> ApplyAsync(Payment payment, Dossier dossier, PaymentCallback callback, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!payment.Complete(callback, now))
        {
            return false;
        }

        if (payment.Status == PaymentStatus.Succeeded)
        {
            dossier.RecordFeePaid(payment.Id, now);
        }

        await notices.PaymentEndedAsync(dossier, payment, now, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<Payment>> ListAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.Payments.AsNoTracking().Where(p => p.DossierId == dossierId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);

    public static string StatusText(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "Đang chờ thanh toán",
        PaymentStatus.Succeeded => "Đã thanh toán",
        PaymentStatus.Failed => "Thanh toán không thành công",
        PaymentStatus.Cancelled => "Đã hủy thanh toán",
        _ => status.ToString(),
    };

    public static string Money(decimal amount) => amount.ToString("#,0", VietnameseFormats.Culture) + " đồng";

    private async Task<(Payment, Dossier)> ReloadAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId, cancellationToken);
        return (payment, await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == payment.DossierId, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment callback with a bad signature rejected (payment {PaymentId})")]
    private static partial void LogRejected(ILogger logger, string? paymentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} completed: {Status}")]
    private static partial void LogCompleted(ILogger logger, Guid paymentId, PaymentStatus status);
}
