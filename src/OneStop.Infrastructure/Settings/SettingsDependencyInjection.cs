using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Files;
using OneStop.Workflows.Calendar;

namespace OneStop.Infrastructure.Settings;

/// <summary>Settings stored in the database: the cache, the calendar built from it, and the options it overrides.</summary>
internal static class SettingsDependencyInjection
{
    public static IServiceCollection AddDatabaseSettings(this IServiceCollection services)
    {
        services.AddSingleton<SettingsSecrets>();
        services.AddSingleton<SettingsCache>();
        services.AddHostedService<SettingsSecretsSealer>();
        services.AddSingleton<CalendarSource>();
        services.AddScoped(sp => sp.GetRequiredService<CalendarSource>().Current);
        services.AddSingleton<SettingsOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<ProvinceOptions>>(sp => sp.GetRequiredService<SettingsOptionsSetup>());
        services.AddSingleton<IPostConfigureOptions<FileStoreOptions>>(sp => sp.GetRequiredService<SettingsOptionsSetup>());
        services.AddSingleton<IPostConfigureOptions<EmailOptions>>(sp => sp.GetRequiredService<SettingsOptionsSetup>());
        services.AddSingleton<IPostConfigureOptions<Payments.PaymentOptions>>(sp => sp.GetRequiredService<SettingsOptionsSetup>());
        services.AddSingleton<IOptions<ProvinceOptions>, LiveOptions<ProvinceOptions>>();
        services.AddSingleton<IOptions<FileStoreOptions>, LiveOptions<FileStoreOptions>>();
        services.AddSingleton<IOptions<EmailOptions>, LiveOptions<EmailOptions>>();
        services.AddSingleton<IOptions<Payments.PaymentOptions>, LiveOptions<Payments.PaymentOptions>>();
        services.AddScoped<SettingsStore>();
        return services;
    }
}
