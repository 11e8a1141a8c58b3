using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace OneStop.Benchmarks.Harness;

/// <summary>The generic host a benchmark builds its services in.</summary>
internal static class BenchHost
{
    /// <summary>
    /// A host builder that reads its configuration once. By default the host watches its content root (the working directory:
    /// the repository, with the local PostgreSQL cluster's data directory under it) for changes to appsettings, recursively, and its
    /// watcher thread then wakes on every page PostgreSQL writes — 2.4 % of the machine in a transitions run.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder()
    {
        var settings = new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() };
        settings.Configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        return Host.CreateApplicationBuilder(settings);
    }
}
