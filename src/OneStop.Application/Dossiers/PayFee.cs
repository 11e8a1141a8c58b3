using OneStop.Application.Common;
using OneStop.Core.Payments;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Payments;

namespace OneStop.Application.Dossiers;

public sealed record PayFeeCommand(Guid DossierId);

public sealed record PaymentRedirect(Payment Payment, Uri RedirectUrl);

/// <summary>The applicant starts paying the fee of their submitted level-4 dossier online; the provider's callback completes it.</summary>
public sealed class PayFee(OwnDossiers own, ICurrentUser user, FeePayments payments, IUnitOfWork unitOfWork)
    : UseCase<PayFeeCommand, PaymentRedirect>(unitOfWork)
{
    protected override async Task<PaymentRedirect> RunAsync(PayFeeCommand command, CancellationToken cancellationToken)
    {
        var dossier = await own.ReadAsync(command.DossierId, cancellationToken);
        var (payment, url) = await payments.StartAsync(user.RequireId(), dossier.Id, cancellationToken);
        return new PaymentRedirect(payment, url);
    }
}
