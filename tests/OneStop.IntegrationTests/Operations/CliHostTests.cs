using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cli.Hosting;

namespace OneStop.IntegrationTests.Operations;

/// <summary>The command-line host's configuration.</summary>
public sealed class CliHostTests
{
    [Fact]
    public void A_command_reads_its_settings_files_once_and_watches_no_directory()
    {
        // Reloading on change would watch the working directory recursively (wherever the operator runs the command: a database's
        // data directory or `/` included) and wake on every write under it for as long as a command such as an import runs.
        using var host = CliHost.Build();

        var root = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        var files = root.Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file.Source.Path} is watched"));
    }
}
