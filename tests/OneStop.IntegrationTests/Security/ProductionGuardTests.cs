using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Payments;
using OneStop.Testing;
using OneStop.Web.Security;

namespace OneStop.IntegrationTests.Security;

/// <summary>In Production the host refuses to start, naming the setting, while it runs with development secrets or demo data.</summary>
public sealed class ProductionGuardTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DirectoryInfo _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _folder = Directory.CreateTempSubdirectory("onestop-guard-");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public void Production_with_the_shipped_defaults_refuses_to_start_naming_each_setting()
    {
        var message = Refusal(new Dictionary<string, string?>());

        Assert.Contains("Payments:Provider", message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.Contains("Province:PublicBaseUrl", message, StringComparison.Ordinal);
        Assert.Contains("Demo:Enabled: the database holds the demo province's accounts", message, StringComparison.Ordinal);
        Assert.Contains("Signing: the database holds certificates or trust anchors of the demo seed's development CA", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seeding_the_demo_province_in_production_is_refused()
    {
        var message = Refusal(Real(new() { ["Startup:SeedDemo"] = "true" }));

        Assert.Contains("Startup:SeedDemo", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deliberate_demonstration_still_needs_encrypted_keys()
    {
        var message = Refusal(new() { ["Demo:Enabled"] = "true" });

        Assert.Contains("DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Payments:Provider", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo:Enabled", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deliberate_demonstration_with_encrypted_keys_starts_and_every_page_says_it_is_a_demo()
    {
        await using var factory = Host(new()
        {
            ["Demo:Enabled"] = "true",
            ["DataProtection:CertificatePath"] = Path.Combine(_folder.FullName, "keys", "dp.pfx"),
            ["DataProtection:CertificatePassword"] = "mat-khau-chung-chi",
            ["DataProtection:CreateCertificateIfMissing"] = "true",
        });
        var client = factory.CreateClient();

        foreach (var path in (string[])["/", "/thu-tuc", "/tra-cuu", "/Account/Login"])
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("data-testid=\"demo-banner\"", html, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(_folder.FullName, "keys", "dp.pfx")));
    }

    [Fact]
    public async Task Without_demo_mode_there_is_no_banner()
    {
        await using var factory = new OneStopAppFactoryNoDemo();
        await factory.InitializeAsync();
        var html = await factory.CreateClient().GetStringAsync("/");
        Assert.DoesNotContain("demo-banner", html, StringComparison.Ordinal);
        await ((IAsyncLifetime)factory).DisposeAsync();
    }

    [Theory]
    [InlineData("Host=db;Database=onestop;Username=onestop;Password=onestop-dev-password")]
    [InlineData("Host=db;Database=onestop;Username=onestop;Password=short")]
    public void A_committed_or_weak_database_password_is_refused(string connection)
    {
        var problems = ProductionGuard.Problems(Configuration(Real(new() { ["ConnectionStrings:OneStop"] = connection })), new PaymentOptions { Provider = "None" }, demo: false);

        Assert.Contains(problems, p => p.StartsWith("ConnectionStrings:OneStop", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bi-mat")]
    [InlineData("onestop-simulated-bank-development-key")]
    public void A_webhook_without_a_strong_secret_is_refused_even_in_a_demo(string? secret)
    {
        var settings = Real(new() { ["Workflows:Webhooks:vnpost:Url"] = "https://vnpost.example/hook", ["Workflows:Webhooks:vnpost:Secret"] = secret });

        var problems = ProductionGuard.Problems(Configuration(settings), new PaymentOptions { Provider = "None" }, demo: true);

        Assert.Contains(problems, p => p.StartsWith("Workflows:Webhooks:vnpost:Secret", StringComparison.Ordinal));
    }

    [Fact]
    public void The_simulated_remote_signing_ca_is_refused_unless_a_demo()
    {
        var refusal = Refusal(Real(new() { ["Signing:Remote:Simulator"] = "true" }));
        var demo = ProductionGuard.Problems(Configuration(Real(new() { ["Signing:Remote:Simulator"] = "true" })), new PaymentOptions { Provider = "None" }, demo: true);

        Assert.Contains("Signing:Remote:Simulator", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(demo, p => p.StartsWith("Signing:Remote:Simulator", StringComparison.Ordinal));
    }

    [Fact]
    public void The_simulated_national_portal_is_refused_and_so_are_its_committed_keys_even_in_a_demo()
    {
        var simulator = Refusal(Real(new() { ["NationalPortal:Enabled"] = "true", ["NationalPortal:Simulator:Enabled"] = "true" }));
        var demo = ProductionGuard.Problems(Configuration(Real(new()
        {
            ["NationalPortal:Enabled"] = "true",
            ["NationalPortal:BaseUrl"] = "https://dichvucong.gov.vn/api/sync",
            ["NationalPortal:Key"] = "onestop-national-portal-development-key",
            ["NationalPortal:InboundKey"] = "ngan",
        })), new PaymentOptions { Provider = "None" }, demo: true);

        Assert.Contains("NationalPortal:Simulator:Enabled", simulator, StringComparison.Ordinal);
        Assert.Contains("NationalPortal:Key", simulator, StringComparison.Ordinal);
        Assert.Contains(demo, p => p.StartsWith("NationalPortal:Key:", StringComparison.Ordinal));
        Assert.Contains(demo, p => p.StartsWith("NationalPortal:InboundKey:", StringComparison.Ordinal));
        Assert.Empty(ProductionGuard.Problems(Configuration(Real(new()
        {
            ["NationalPortal:Enabled"] = "true",
            ["NationalPortal:BaseUrl"] = "https://dichvucong.gov.vn/api/sync",
            ["NationalPortal:Key"] = "khoa-rieng-cua-tinh-voi-cong-quoc-gia",
            ["NationalPortal:InboundKey"] = "khoa-cong-quoc-gia-ky-ho-so-gui-tinh",
        })), new PaymentOptions { Provider = "None" }, demo: false));
    }

    [Fact]
    public void A_national_identity_provider_over_http_or_without_its_client_is_refused()
    {
        var problems = ProductionGuard.Problems(Configuration(Real(new() { ["NationalIdentity:Authority"] = "http://sso.vneid.gov.vn" })),
            new PaymentOptions { Provider = "None" }, demo: true);

        Assert.Contains(problems, p => p.StartsWith("NationalIdentity:Authority:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("NationalIdentity:ClientId", StringComparison.Ordinal));
        Assert.Empty(ProductionGuard.Problems(Configuration(Real(new()
        {
            ["NationalIdentity:Authority"] = "https://sso.vneid.gov.vn",
            ["NationalIdentity:ClientId"] = "h39-dichvucong",
            ["NationalIdentity:ClientSecret"] = "bi-mat-cua-tinh-voi-vneid",
        })), new PaymentOptions { Provider = "None" }, demo: false));
    }

    [Fact]
    public void A_real_configuration_has_nothing_to_refuse()
    {
        Assert.Empty(ProductionGuard.Problems(Configuration(Real([])), new PaymentOptions { Provider = "None" }, demo: false));
    }

    [Theory]
    [InlineData("Production", false, false)]
    [InlineData("Production", true, true)]
    [InlineData("Staging", false, false)]
    [InlineData("Development", false, true)]
    [InlineData("Testing", false, true)]
    public void The_simulated_bank_may_be_switched_on_at_the_settings_page_only_in_development_tests_and_demonstrations(
        string environment, bool demo, bool allowed)
    {
        var configuration = Configuration(new() { ["Demo:Enabled"] = demo ? "true" : "false" });
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };

        Assert.Equal(allowed, new SimulatorPolicy(host, new DemoMode(configuration)).Allowed);
    }

    /// <summary>What a province sets before going live (the database password is the test cluster's own).</summary>
    private Dictionary<string, string?> Real(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Payments:Provider"] = "None",
            ["Province:PublicBaseUrl"] = "https://dichvucong.langson.example",
            ["DataProtection:CertificatePath"] = Path.Combine(_folder.FullName, "real", "dp.pfx"),
            ["DataProtection:CertificatePassword"] = "mat-khau-chung-chi",
            ["DataProtection:CreateCertificateIfMissing"] = "true",
            ["ConnectionStrings:OneStop"] = _database.ConnectionString,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private string Refusal(Dictionary<string, string?> settings)
    {
        using var factory = Host(settings);
        var exception = Assert.ThrowsAny<Exception>(() => factory.Services);
        var refusal = exception as InvalidOperationException ?? exception.InnerException as InvalidOperationException;
        Assert.NotNull(refusal);
        Assert.StartsWith("OneStop không khởi động ở môi trường Production", refusal.Message, StringComparison.Ordinal);
        return refusal.Message;
    }

    private WebApplicationFactory<Program> Host(Dictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:OneStop", _database.ConnectionString);
            builder.UseSetting("Workflows:BackgroundProcessing", "false");
            builder.UseSetting("AllowedHosts", "localhost");
            builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder.FullName, "mail"));
            builder.UseSetting("FileStore:Root", Path.Combine(_folder.FullName, "files"));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private sealed class OneStopAppFactoryNoDemo : OneStopAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }));
        }
    }
}
