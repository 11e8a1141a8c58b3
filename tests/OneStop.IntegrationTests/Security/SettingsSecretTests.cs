using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Settings;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>SMTP and payment secrets in the settings table: encrypted with Data Protection; a plain value from before still reads and is encrypted at start.</summary>
public sealed class SettingsSecretTests : IAsyncLifetime
{
    private readonly OneStopAppFactory _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        await using var db = _app.Database.CreateContext();
        db.AppSettings.Add(new AppSetting
        {
            Key = SettingSections.Smtp,
            Value = """{"enabled":true,"host":"smtp.langson.example","port":587,"useStartTls":true,"userName":"onestop","from":"OneStop <no-reply@langson.example>"}""",
            SecretValue = """{"password":"mat-khau-smtp-cu"}""",
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_plain_secret_from_before_still_reads_and_is_encrypted_when_the_host_starts()
    {
        var email = _app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;

        Assert.Equal("mat-khau-smtp-cu", email.Smtp.Password);
        await using var db = _app.Database.CreateContext();
        // Sealing runs beside the host (it must not keep a host from starting while the database is away): wait for it.
        var stored = await SealedAsync(db);
        Assert.DoesNotContain("mat-khau-smtp-cu", stored, StringComparison.Ordinal);
        Assert.Contains("dp1:", stored, StringComparison.Ordinal);
        _app.Services.GetRequiredService<SettingsCache>().Invalidate();
        Assert.Equal("mat-khau-smtp-cu", _app.Services.GetRequiredService<SettingsCache>().Current.Secret(SettingSections.Smtp, "password"));
    }

    private static async Task<string> SealedAsync(OneStop.Infrastructure.Data.OneStopDbContext db)
    {
        for (var waited = 0; ; waited++)
        {
            var stored = (await db.AppSettings.AsNoTracking().SingleAsync(s => s.Key == SettingSections.Smtp)).SecretValue!;
            if (stored.Contains("dp1:", StringComparison.Ordinal) || waited == 300)
            {
                return stored;
            }

            await Task.Delay(100);
        }
    }
}
