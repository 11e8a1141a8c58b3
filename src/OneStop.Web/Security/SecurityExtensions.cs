namespace OneStop.Web.Security;

/// <summary>The security services: demo mode and the production guard (see docs/SECURITY.md).</summary>
internal static class SecurityExtensions
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoMode>();
        builder.Services.AddSingleton<SimulatorPolicy>();
        builder.Services.AddScoped<Reauthentication>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<MailThrottle>();
        builder.Services.AddSingleton<ApiReference>();
        builder.AddRateLimits();
        // First of all hosted services: nothing starts (migration, seeding, timers) while the configuration is refused.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ProductionGuard>());
        return builder;
    }
}
