using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Documents.Signing.Remote;
using OneStop.Documents.Signing.TimeStamping;

namespace OneStop.Infrastructure.Signing;

internal static class SigningDependencyInjection
{
    public const string TimeStampClientName = "OneStop.TimeStamp";

    public static IServiceCollection AddDocumentSigning(this IServiceCollection services)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section);
        services.AddOptions<RemoteSigningSettings>().BindConfiguration(RemoteSigningSettings.Section);
        // The stand-in CA of development and tests, used when Signing:Remote:Simulator is on (ProductionGuard refuses it in Production).
        // A province's CA registers its own IRemoteSigningService.
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<RemoteSigningSettings>>().Value;
            return new RemoteSigningSimulator(sp.GetRequiredService<TimeProvider>())
            {
                AutoConfirmAfter = settings.SimulatorAutoConfirmSeconds < 0 ? null : TimeSpan.FromSeconds(settings.SimulatorAutoConfirmSeconds),
                ExpiresAfter = TimeSpan.FromMinutes(Math.Max(1, settings.ExpiresMinutes)),
                // The demo province's officials have accounts "demo-…" signing with their demo certificates (a fresh install can try it).
                AccountSource = async (account, cancellationToken) =>
                {
                    await using var scope = sp.CreateAsyncScope();
                    return await scope.ServiceProvider.GetRequiredService<Seeding.DemoRemoteSigningAccounts>().FindAsync(account, cancellationToken);
                },
            };
        });
        services.AddScoped<RemoteSignatures>();
        services.AddScoped<Seeding.DemoRemoteSigningAccounts>();
        services.AddHostedService<RemoteSignatureCompletion>();
        services.AddHttpClient(TimeStampClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped<SigningCredentials>();
        services.AddScoped<SignatureVerification>();
        services.AddScoped(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SigningOptions>>();
            ITimeStampClient? timeStamps = Uri.TryCreate(options.Value.TimeStampUrl, UriKind.Absolute, out var url)
                ? new HttpTimeStampClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(TimeStampClientName), url)
                : null;
            return new DocumentSignatures(sp.GetRequiredService<Data.OneStopDbContext>(), sp.GetRequiredService<SigningCredentials>(), options,
                sp.GetRequiredService<TimeProvider>(), timeStamps, RemoteSigningServices.Resolve(sp),
                sp.GetRequiredService<IOptions<RemoteSigningSettings>>().Value);
        });
        return services;
    }
}

/// <summary>The CA's remote-signing service this host uses.</summary>
public static class RemoteSigningServices
{
    /// <summary>The simulator when Signing:Remote:Simulator is on, else the IRemoteSigningService registered (a province's CA), else none.</summary>
    public static IRemoteSigningService? Resolve(IServiceProvider services) =>
        services.GetRequiredService<IOptions<RemoteSigningSettings>>().Value.Simulator
            ? services.GetRequiredService<RemoteSigningSimulator>()
            : services.GetService<IRemoteSigningService>();
}
