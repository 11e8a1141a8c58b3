using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Settings;

/// <summary>At start, encrypts any setting secret still stored in plain text (from before secrets were encrypted).</summary>
internal sealed class SettingsSecretsSealer(IServiceScopeFactory scopes, SettingsSecrets secrets, SettingsCache cache) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        List<AppSetting> rows;
        try
        {
            rows = await db.Set<AppSetting>().Where(s => s.SecretValue != null).ToListAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return; // not migrated yet
        }

        var changed = false;
        foreach (var row in rows)
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(row.SecretValue!) ?? [];
            if (values.Values.Any(v => !string.IsNullOrEmpty(v) && !SettingsSecrets.IsSealed(v)))
            {
                row.SecretValue = secrets.SealAll(values);
                changed = true;
            }
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
            cache.Invalidate();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
