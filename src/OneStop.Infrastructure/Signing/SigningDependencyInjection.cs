using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Documents.Signing.TimeStamping;

namespace OneStop.Infrastructure.Signing;

internal static class SigningDependencyInjection
{
    public const string TimeStampClientName = "OneStop.TimeStamp";

    public static IServiceCollection AddDocumentSigning(this IServiceCollection services)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section);
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
                sp.GetRequiredService<TimeProvider>(), timeStamps);
        });
        return services;
    }
}
