using System.Text;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Loading;

namespace OneStop.Web.Features.Admin.Workflows.Designer;

/// <summary>The sample definitions in the workflows folder, offered as templates to start a new workflow from.</summary>
public sealed class WorkflowTemplates(WorkflowFilePublisher files, ILogger<WorkflowTemplates> logger)
{
    /// <summary>One template: its file name (without .json) and what it holds.</summary>
    public sealed record Template(string Key, string Id, string Name, string? Description, int Steps);

    /// <summary>Every readable sample, by name; none when the folder is missing.</summary>
    public IReadOnlyList<Template> List()
    {
        var list = new List<Template>();
        foreach (var (key, path) in Files())
        {
            var result = WorkflowLoader.Load(File.ReadAllText(path, Encoding.UTF8));
            if (result.Definition is { } d)
                list.Add(new Template(key, d.Id, d.Name, d.Description, d.Steps.Count));
        }

        return [.. list.OrderBy(t => t.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))];
    }

    /// <summary>The JSON of the named template, or null when there is none of that name.</summary>
    public string? Read(string? key)
    {
        var match = Files().FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
        return match.Path is null ? null : File.ReadAllText(match.Path, Encoding.UTF8);
    }

    private IEnumerable<(string Key, string Path)> Files()
    {
        string directory;
        try
        {
            directory = files.LocateDirectory();
        }
        catch (DirectoryNotFoundException ex)
        {
            logger.LogWarning("No workflow templates: {Reason}", ex.Message);
            return [];
        }

        return Directory.GetFiles(directory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), f));
    }
}
