using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure;

namespace OneStop.Testing;

/// <summary>OneStop's services without the web host (as the CLI or a second app instance has them), over a test database.</summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly IHost _host;

    public ServiceHost(TestDatabase database, TimeProvider? clock = null, string? mailDirectory = null, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:OneStop"] = database.ConnectionString;
        builder.Configuration["Workflows:BackgroundProcessing"] = "false";
        var scratch = mailDirectory ?? Path.Combine(Path.GetTempPath(), "onestop-mail-" + Guid.NewGuid().ToString("N"));
        builder.Configuration["Email:PickupDirectory"] = scratch;
        builder.Configuration["FileStore:Root"] = Path.Combine(scratch, "files");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        builder.Logging.ClearProviders();
        builder.AddInfrastructure();
        if (clock is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        }

        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>Runs work in a fresh scope (its own DbContext and connection), like one request.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
