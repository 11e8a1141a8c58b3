using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Documents;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Workflows;

namespace OneStop.Infrastructure.Documents;

internal static partial class DocumentDependencyInjection
{
    public static IServiceCollection AddDocumentIssuing(this IServiceCollection services)
    {
        services.AddOptions<ProvinceOptions>().BindConfiguration(ProvinceOptions.Section);
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.SectionName);
        services.AddSingleton<IDocumentRenderer>(sp =>
        {
            var service = new DocumentService(sp.GetRequiredService<IOptions<DocumentOptions>>().Value);
            if (!OneStop.Documents.Fonts.FontSetup.Reduced)
            {
                LogFontsNotReduced(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DocumentService)));
            }

            return service;
        });
        services.AddScoped<DocumentIssuer>();
        services.AddScoped<RegisterExporter>();
        services.AddScoped<IWorkflowEffectHandler, IssueDocumentEffectHandler>();
        services.AddScoped<DossierCodeGenerator>();
        services.AddScoped<DossierIntake>();
        services.AddScoped<Notifications.NotificationCenter>();
        services.AddScoped<IWorkflowEffectHandler, FieldSetEffectHandler>();
        services.AddOptions<Files.FileStoreOptions>().BindConfiguration(Files.FileStoreOptions.Section);
        services.AddSingleton<Files.IFileStore, Files.LocalFileStore>();
        services.AddSingleton<Database.Backup.DatabaseBackup>();
        services.AddScoped<Files.StoreOrphanSweeper>();
        services.AddSingleton<ResultStoreInterceptor>();
        services.AddSingleton<Files.IVirusScanner, Files.NoVirusScanner>();
        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Documents embed the complete Liberation Serif: HarfBuzz's subsetter (libharfbuzz-subset0) is not installed, so every PDF is about twice the size and a third slower to make")]
    private static partial void LogFontsNotReduced(ILogger logger);
}
