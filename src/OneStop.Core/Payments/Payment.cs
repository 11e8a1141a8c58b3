using OneStop.Core.Common;

namespace OneStop.Core.Payments;

/// <summary>One attempt to pay a dossier's fee online; a callback completes it once, and repeating that callback changes nothing.</summary>
public sealed class Payment
{
    private Payment()
    {
        Provider = string.Empty;
    }

    public Payment(Guid dossierId, Guid userId, decimal amount, string provider, DateTimeOffset at)
    {
        if (amount <= 0)
        {
            throw new DomainException("payment.amount", "Số tiền thanh toán phải lớn hơn 0.");
        }

        Id = Guid.NewGuid();
        DossierId = dossierId;
        UserId = userId;
        Amount = amount;
        Provider = provider;
        CreatedAt = at;
        Status = PaymentStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>The citizen who started the attempt.</summary>
    public Guid UserId { get; private set; }

    /// <summary>The fee in đồng.</summary>
    public decimal Amount { get; private set; }

    public string Provider { get; private set; }

    public PaymentStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The provider's transaction number.</summary>
    public string? ProviderReference { get; private set; }

    /// <summary>The receipt of payment issued when it succeeded.</summary>
    public Guid? ReceiptDocumentId { get; private set; }

    /// <summary>Applies the provider's report; returns false when the attempt was already complete (a replayed or late callback).</summary>
    public bool Complete(PaymentCallback callback, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.PaymentId != Id)
        {
            throw new DomainException("payment.mismatch", "Thông báo thanh toán không thuộc giao dịch này.");
        }

        if (callback.Amount != Amount)
        {
            throw new DomainException("payment.amount_mismatch", "Số tiền trong thông báo thanh toán không khớp với số tiền phải nộp.");
        }

        if (Status != PaymentStatus.Pending)
        {
            return false;
        }

        Status = callback.Outcome switch
        {
            PaymentOutcome.Succeeded => PaymentStatus.Succeeded,
            PaymentOutcome.Failed => PaymentStatus.Failed,
            _ => PaymentStatus.Cancelled,
        };
        ProviderReference = Text.CleanOrNull(callback.ProviderReference) is { } reference && reference.Length <= 100 ? reference : null;
        CompletedAt = at;
        return true;
    }

    public void AttachReceipt(Guid documentId) => ReceiptDocumentId ??= documentId;
}
