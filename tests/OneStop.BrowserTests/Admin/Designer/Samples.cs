using OneStop.Workflows.Loading;

namespace OneStop.BrowserTests.Admin.Designer;

/// <summary>The sample definitions in workflows/, and their meaning written the one way the engine writes it.</summary>
internal static class Samples
{
    public static string Directory { get; } = Find();

    public static IEnumerable<string> Keys => System.IO.Directory.GetFiles(Directory, "*.json")
        .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static string Read(string key) => File.ReadAllText(Path.Combine(Directory, key + ".json"));

    /// <summary>The definition as the engine reads it, written back canonically without the version and the editor's $schema hint.</summary>
    public static string Canonical(string json)
    {
        var result = WorkflowLoader.Load(json);
        Assert.True(result.Definition is not null, string.Join("; ", result.Problems));
        var definition = result.Definition!;
        definition.Version = 0;
        definition.Schema = null;
        return WorkflowLoader.Write(definition);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")) && System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No workflows folder above " + AppContext.BaseDirectory);
    }
}
