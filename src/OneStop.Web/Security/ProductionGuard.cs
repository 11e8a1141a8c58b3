using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Payments;
using OneStop.Infrastructure.Seeding;

namespace OneStop.Web.Security;

/// <summary>
/// Refuses to start a production host (any environment but Development and Testing) while it runs with what only development may
/// use: the simulated bank or national portal, demo accounts or the demo seed (unless <see cref="DemoMode"/> says this is a deliberate demonstration),
/// a committed default as database password, webhook secret or national-portal key, unencrypted Data Protection keys, a public address that is not https.
/// Each refusal names the setting to change. Registered first, so it runs before any other start-up work.
/// </summary>
internal sealed class ProductionGuard(IHostEnvironment environment, IConfiguration configuration, IOptions<PaymentOptions> payments,
    DemoMode demo, IServiceScopeFactory scopes) : IHostedService
{
    /// <summary>Secrets that are in this repository (defaults, compose, demo seed) and so are known to everyone.</summary>
    internal static readonly IReadOnlySet<string> CommittedSecrets = new HashSet<string>(StringComparer.Ordinal)
    {
        "onestop-dev-password", new SimulatedPaymentOptions().Key, DemoProvince.Password, NationalPortalOptions.DevelopmentKey,
        "onestop", "postgres", "password", "changeme", "secret",
    };

    public static bool AppliesTo(IHostEnvironment environment) => !environment.IsDevelopment() && !environment.IsEnvironment("Testing");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!AppliesTo(environment))
        {
            return;
        }

        var problems = Problems(configuration, payments.Value, demo.Enabled);
        if (!demo.Enabled && await DemoAccountsExistAsync(cancellationToken))
        {
            problems.Add($"{DemoMode.Setting}: the database holds the demo province's accounts (@{DemoProvince.EmailDomain}, password {DemoProvince.Password})" +
                " — remove them, or set Demo:Enabled=true for a deliberate demonstration.");
        }

        if (!demo.Enabled && await DemoSigningExistsAsync(cancellationToken))
        {
            problems.Add("Signing: the database holds certificates or trust anchors of the demo seed's development CA (anyone could have made them)" +
                " — revoke them on /Admin/Signing and remove the demo root, or set Demo:Enabled=true for a deliberate demonstration.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"OneStop không khởi động ở môi trường {environment.EnvironmentName} (refusing to start in {environment.EnvironmentName}):"
                + string.Concat(problems.Select(p => Environment.NewLine + " - " + p)));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What the configuration alone gives away; each entry starts with the setting to change.</summary>
    internal static List<string> Problems(IConfiguration configuration, PaymentOptions payments, bool demo)
    {
        var problems = new List<string>();
        if (!demo && configuration.GetValue("Startup:SeedDemo", false))
        {
            problems.Add("Startup:SeedDemo: seeding the demo province (public passwords) is for demonstrations — set it to false, or set Demo:Enabled=true.");
        }

        if (!demo && string.Equals(payments.Provider, SimulatedPaymentProvider.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Payments:Provider: the simulated bank (its signing key is committed) takes no real payment — set Payments:Provider=None" +
                " (fees paid at the counter), or set Demo:Enabled=true for a demonstration.");
        }

        if (!demo && configuration.GetValue("Signing:Remote:Simulator", false))
        {
            problems.Add("Signing:Remote:Simulator: the simulated remote-signing CA signs with test keys anyone can make — set it to false and register the" +
                " province's CA (IRemoteSigningService), or set Demo:Enabled=true for a demonstration.");
        }

        problems.AddRange(NationalPortalProblems(configuration, demo));
        problems.AddRange(NationalIdentityProblems(configuration));
        var connection = DatabaseOptions.ResolveConnectionString(configuration);
        if (connection is not null && Password(connection) is { } password && (password.Length < 12 || CommittedSecrets.Contains(password)))
        {
            problems.Add("ConnectionStrings:OneStop: the database password is a committed default or shorter than 12 characters — give the database role its own password.");
        }

        foreach (var webhook in configuration.GetSection("Workflows:Webhooks").GetChildren())
        {
            var secret = webhook["Secret"];
            if (string.IsNullOrEmpty(secret) || secret.Length < 16 || CommittedSecrets.Contains(secret))
            {
                problems.Add($"Workflows:Webhooks:{webhook.Key}:Secret: a webhook is signed with a secret of at least 16 characters that is not a committed default.");
            }
        }

        if (string.IsNullOrWhiteSpace(configuration[$"{DataProtectionCertificate.Section}:CertificatePath"]))
        {
            problems.Add("DataProtection:CertificatePath: the keys that sign sign-in cookies and reset links would be stored unencrypted — name a PKCS#12 certificate" +
                " (and DataProtection:CertificatePassword; DataProtection:CreateCertificateIfMissing=true makes one on first start).");
        }

        var publicUrl = configuration["Province:PublicBaseUrl"];
        if (!demo && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.IsLoopback))
        {
            problems.Add($"Province:PublicBaseUrl: '{publicUrl}' — the public https:// address links and QR codes point to, e.g. https://dichvucong.langson.gov.vn.");
        }

        return problems;
    }

    private static IEnumerable<string> NationalPortalProblems(IConfiguration configuration, bool demo)
    {
        var portal = configuration.GetSection(NationalPortalOptions.Section).Get<NationalPortalOptions>() ?? new NationalPortalOptions();
        if (!demo && portal.Simulator.Enabled)
        {
            yield return "NationalPortal:Simulator:Enabled: the simulated national portal receives nothing real — set it to false and NationalPortal:BaseUrl" +
                " to the portal's address, or set Demo:Enabled=true for a demonstration.";
        }

        if (!portal.Enabled)
        {
            yield break;
        }

        foreach (var (setting, key) in new[] { ("Key", portal.Key), ("InboundKey", portal.InboundKey) })
        {
            if (string.IsNullOrEmpty(key) || key.Length < 16 || CommittedSecrets.Contains(key))
            {
                yield return $"NationalPortal:{setting}: the national portal's requests are signed with a key of at least 16 characters that is not" +
                    " a committed default — set the key agreed with the portal.";
            }
        }
    }

    private static IEnumerable<string> NationalIdentityProblems(IConfiguration configuration)
    {
        var identity = configuration.GetSection(Features.Accounts.NationalIdentityOptions.Section).Get<Features.Accounts.NationalIdentityOptions>()
            ?? new Features.Accounts.NationalIdentityOptions();
        if (!identity.Enabled)
        {
            yield break;
        }

        if (!identity.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"NationalIdentity:Authority: '{identity.Authority}' — the identity provider's https:// address.";
        }

        if (string.IsNullOrWhiteSpace(identity.ClientId) || string.IsNullOrWhiteSpace(identity.ClientSecret))
        {
            yield return "NationalIdentity:ClientId, NationalIdentity:ClientSecret: the client the identity provider registered for the province.";
        }
    }

    private static string? Password(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<bool> DemoAccountsExistAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var suffix = "@" + DemoProvince.EmailDomain.ToUpperInvariant();
        try
        {
            return await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(suffix), cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false; // not migrated yet: nothing seeded either
        }
    }

    private async Task<bool> DemoSigningExistsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        try
        {
            return await db.SigningCredentials.AnyAsync(c => c.Demo && c.RevokedAt == null, cancellationToken)
                || await db.SigningTrustAnchors.AnyAsync(a => a.Demo, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }
}
