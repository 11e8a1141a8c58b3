using System.Xml.Linq;

namespace OneStop.UnitTests.Architecture;

/// <summary>Core, Workflows and Documents stay free of EF Core and ASP.NET, so they can be tested and reused alone.</summary>
public sealed class DependencyRulesTests
{
    public static TheoryData<string> InnerProjects => new() { "OneStop.Core", "OneStop.Workflows", "OneStop.Documents" };

    [Theory]
    [MemberData(nameof(InnerProjects))]
    public void Inner_projects_reference_neither_EF_Core_nor_ASP_NET_nor_outer_projects(string project)
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryRoot(), "src", project, project + ".csproj"));
        var references = csproj.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
            .ToList();

        Assert.DoesNotContain(references, r => r.Contains("EntityFrameworkCore", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.Contains("AspNetCore", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.Contains("Infrastructure", StringComparison.Ordinal) || r.Contains("OneStop.Web", StringComparison.Ordinal));
        Assert.Equal("Microsoft.NET.Sdk", csproj.Root!.Attribute("Sdk")?.Value);
    }

    [Fact]
    public void Core_assembly_loads_no_EF_Core_or_ASP_NET_at_run_time()
    {
        var referenced = typeof(OneStop.Core.Common.Text).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

        Assert.DoesNotContain(referenced, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
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
