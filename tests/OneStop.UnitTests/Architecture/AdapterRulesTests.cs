namespace OneStop.UnitTests.Architecture;

/// <summary>
/// Page models and endpoints are adapters: they bind, call a use case or a query class (src/OneStop.Application, Web/Features) and map
/// the result. None takes the DbContext.
/// </summary>
public sealed class AdapterRulesTests
{
    [Fact]
    public void Page_models_and_endpoints_do_not_take_the_DbContext()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "OneStop.Web");
        var adapters = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.cshtml.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Api"), "*.cs", SearchOption.AllDirectories));

        var offenders = adapters
            .Where(f => File.ReadAllText(f).Contains("OneStopDbContext", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Adapters_take_the_user_from_ICurrentUser_not_from_claims()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "OneStop.Web");
        var offenders = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("Guid.Parse(User.FindFirstValue", StringComparison.Ordinal)
                || File.ReadAllText(f).Contains("Guid.Parse(user.FindFirstValue", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();

        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OneStop.sln not found above the test output.");
    }
}
