namespace OneStop.Workflows.Tests.Support;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static IReadOnlyList<string> SampleFiles =>
        Directory.GetFiles(Workflows, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("OneStop.sln not found above " + AppContext.BaseDirectory);
    }
}
