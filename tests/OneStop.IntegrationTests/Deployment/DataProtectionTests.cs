using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Deployment;

/// <summary>With DataProtection:CertificatePath configured, the keys that sign cookies and tokens are stored encrypted.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task Keys_are_stored_encrypted_with_the_configured_certificate_and_still_unprotect()
    {
        await using var database = await TestDatabase.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("onestop-dp-");
        try
        {
            var path = Path.Combine(folder.FullName, "dp.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=OneStop Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12, "mat-khau"));
            }

            // A key made before the certificate was configured stays as it was (Data Protection re-encrypts nothing); start without one.
            await using (var clean = database.CreateContext())
            {
                await clean.DataProtectionKeys.ExecuteDeleteAsync();
            }

            await using var factory = Host(database, path, "mat-khau");
            Assert.Equal(path, factory.Services.GetRequiredService<IConfiguration>()["DataProtection:CertificatePath"]);
            Assert.NotNull(factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlEncryptor);
            var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            var token = protector.Protect("Nguyễn Văn An");

            await using var db = database.CreateContext();
            var key = await db.DataProtectionKeys.SingleAsync();
            Assert.Contains("encryptedSecret", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);

            // Another host with the same certificate (a second instance, or after a restart) reads the stored key back.
            await using var second = Host(database, path, "mat-khau");
            Assert.Equal("Nguyễn Văn An", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_configured_certificate_that_cannot_be_used_is_refused_with_the_reason()
    {
        var missing = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = "/nonexistent/dp.pfx",
        }).Build();
        Assert.Contains("does not exist", Assert.Throws<InvalidOperationException>(() => DataProtectionCertificate.Load(missing)).Message, StringComparison.Ordinal);
        Assert.Null(DataProtectionCertificate.Load(new ConfigurationBuilder().Build()));
    }

    private static WebApplicationFactory<Program> Host(TestDatabase database, string path, string password) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            // Host settings reach the configuration the services are registered with (app configuration comes later).
            builder.UseSetting("DataProtection:CertificatePath", path);
            builder.UseSetting("DataProtection:CertificatePassword", password);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:OneStop"] = database.ConnectionString,
                ["Startup:MigrateDatabase"] = "false",
                ["Workflows:BackgroundProcessing"] = "false",
            }));
        });
}
