using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Core.Payments;

namespace OneStop.Infrastructure.Payments;

internal static class PaymentDependencyInjection
{
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Provider is SimulatedPaymentProvider.ProviderName or PaymentOptions.NoProvider,
                "Payments:Provider: 'Simulated' (the built-in simulated bank) or 'None' (online payment off).")
            .Validate(o => o.Simulated.Key.Length >= 16, "Payments:Simulated:Key must have at least 16 characters.")
            .ValidateOnStart();
        services.AddSingleton<SimulatedPaymentProvider>();
        services.AddSingleton<IPaymentProvider, ConfiguredPaymentProvider>();
        services.AddScoped<FeePayments>();
        return services;
    }
}
