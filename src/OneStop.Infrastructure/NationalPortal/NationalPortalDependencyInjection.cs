using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Infrastructure.NationalPortal;

internal static class NationalPortalDependencyInjection
{
    public static IServiceCollection AddNationalPortal(this IServiceCollection services)
    {
        services.AddOptions<NationalPortalOptions>().BindConfiguration(NationalPortalOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || o.Simulator.Enabled || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _),
                "NationalPortal:BaseUrl: the national portal's address (https://…), or NationalPortal:Simulator:Enabled=true in development.")
            .ValidateOnStart();
        services.AddSingleton<PortalMessageInterceptor>();
        services.AddHttpClient(NationalPortalOptions.HttpClientName);
        services.AddScoped<INationalPortal, HttpNationalPortal>();
        services.AddScoped<NationalPortalDispatcher>();
        services.AddScoped<PortalOutbox>();
        services.AddScoped<PortalDossiers>();
        services.AddSingleton<NationalPortalSimulator>();
        return services;
    }
}
