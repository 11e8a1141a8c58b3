namespace OneStop.Benchmarks.Harness;

/// <summary>Locates the repository (the folder holding OneStop.sln) from the working directory or the binary.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("OneStop.sln not found above the working directory or the binary.");

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
                return dir.FullName;
        }

        return null;
    }
}
