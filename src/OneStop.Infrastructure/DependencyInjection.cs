using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Core.Notifications;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Database;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Observability;
using OneStop.Infrastructure.Seeding;
using OneStop.Infrastructure.Settings;
using OneStop.Infrastructure.Workflows;

namespace OneStop.Infrastructure;

/// <summary>Registers the database, e-mail and provisioning services.</summary>
public static class DependencyInjection
{
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Contexts are pooled and their options built once (every interceptor is a singleton): building the options in every scope
        // was 8 % of the CPU of a persisted workflow transition and initialising a new context's services 15 % (PERFORMANCE.md,
        // fifth session). Interceptors that keep state per context clear it when a transaction starts (AfterCommitInterceptor,
        // DossierMetricsInterceptor), so nothing a request abandoned reaches the next request that leases the same context.
        services.AddDbContextPool<OneStopDbContext>((provider, options) =>
        {
            var connectionString = DatabaseOptions.ResolveConnectionString(builder.Configuration)
                ?? throw new InvalidOperationException(
                    "No database is configured: set ConnectionStrings__OneStop (or ONESTOP_DB), or start OneStop with ./onestop run.");
            DatabaseOptions.Configure(options, connectionString);
            options.AddInterceptors(provider.GetRequiredService<Audit.AuditSaveChangesInterceptor>());
            options.AddInterceptors(provider.GetRequiredService<DossierMetricsInterceptor>(), provider.GetRequiredService<DossierMetricsTransactions>(),
                DossierTrackingObserver.Instance);
            // The wake-up after the portal's interceptor: it sees the messages that one adds to the same save.
            options.AddInterceptors(provider.GetRequiredService<NationalPortal.PortalMessageInterceptor>());
            options.AddInterceptors(provider.GetRequiredService<ResultStoreInterceptor>());
            options.AddInterceptors(provider.GetRequiredService<Workflows.OutboxWakeInterceptor>(),
                provider.GetRequiredService<Procedures.CatalogueChangeInterceptor>(), provider.GetRequiredService<AfterCommitTransactions>());
        });

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("OneStop")
            .PersistKeysToDbContext<OneStopDbContext>();
        if (DataProtectionCertificate.Load(builder.Configuration) is { } certificate)
        {
            // The keys (which sign cookies, anti-forgery and reset tokens) are then stored encrypted, not readable from a database dump.
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<EmailOutboxDispatcher>();
        services.AddScoped<Notifications.ApplicantNotices>();
        services.AddScoped<Notifications.DossierStatusNotices>();
        services.AddScoped<Notifications.DocumentNotices>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddSingleton<Links.PublicLinks>();
        services.AddOneStopIdentity();
        services.AddScoped<UserProvisioner>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoSigningSeeder>();
        services.AddWorkflowEngine();
        services.AddAuditLog();
        services.AddOneStopMetrics();
        services.AddDatabaseSettings();
        services.AddDocumentIssuing();
        Signing.SigningDependencyInjection.AddDocumentSigning(services);
        Payments.PaymentDependencyInjection.AddPayments(services);
        NationalPortal.NationalPortalDependencyInjection.AddNationalPortal(services);
        services.AddScoped<Procedures.ProcedureVersions>();
        services.AddSingleton<Procedures.CatalogueChangeSignal>();
        services.AddSingleton<Procedures.CatalogueChangeInterceptor>();
        services.AddSingleton<AfterCommitInterceptor>(provider => provider.GetRequiredService<Procedures.CatalogueChangeInterceptor>());
        services.AddSingleton<AfterCommitTransactions>();
        services.AddHostedService<Procedures.ProcedureVersionActivator>();
        services.AddScoped<Legacy.LegacyImporter>();
        services.AddSingleton<Legacy.LegacyImportQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<Legacy.LegacyImportQueue>());
        services.AddScoped<Database.Maintenance.MaintenanceClaims>();
        services.AddSingleton<Database.Maintenance.MaintenanceTasks>();
        services.AddHostedService<Database.Maintenance.MaintenanceService>();
        return builder;
    }
}
