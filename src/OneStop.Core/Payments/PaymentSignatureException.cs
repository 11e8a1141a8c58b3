using OneStop.Core.Common;

namespace OneStop.Core.Payments;

/// <summary>A payment callback whose signature does not match: it did not come from the provider, or was altered.</summary>
public sealed class PaymentSignatureException()
    : DomainException("payment.signature", "Chữ ký của thông báo thanh toán không hợp lệ; thông báo bị từ chối.");
