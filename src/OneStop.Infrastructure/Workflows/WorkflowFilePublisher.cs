using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneStop.Workflows.Loading;

namespace OneStop.Infrastructure.Workflows;

/// <summary>Publishes the definitions in the workflows folder (used by the demo seed); unchanged versions are left alone.</summary>
public sealed class WorkflowFilePublisher(PostgresDefinitionRegistry registry, IOptions<WorkflowOptions> options, IHostEnvironment environment)
{
    /// <summary>Returns how many new versions were published.</summary>
    public int PublishAll()
    {
        var directory = LocateDirectory();
        var published = 0;
        foreach (var file in System.IO.Directory.GetFiles(directory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order())
        {
            var definition = WorkflowLoader.LoadValid(File.ReadAllText(file));
            if (registry.Publish(definition, publishedBy: "seed"))
            {
                published++;
            }
        }

        return published;
    }

    public string LocateDirectory()
    {
        var configured = options.Value.Directory;
        if (Path.IsPathRooted(configured))
        {
            return System.IO.Directory.Exists(configured) ? configured : throw new DirectoryNotFoundException($"Workflow folder {configured} does not exist.");
        }

        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, configured);
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No '{configured}' folder above {environment.ContentRootPath} (set Workflows__Directory).");
    }
}
