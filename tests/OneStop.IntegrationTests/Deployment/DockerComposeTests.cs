using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace OneStop.IntegrationTests.Deployment;

/// <summary>No Docker engine runs here, so docker-compose.yml is checked against the app's configuration instead.</summary>
public sealed partial class DockerComposeTests
{
    private static readonly string Root = RepositoryRoot();
    private readonly YamlMappingNode _services;
    private readonly YamlMappingNode _compose;

    public DockerComposeTests()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        _compose = (YamlMappingNode)yaml.Documents[0].RootNode;
        _services = Map(_compose, "services");
    }

    private YamlMappingNode App => Map(_services, "app");

    private YamlMappingNode Db => Map(_services, "db");

    [Fact]
    public void Every_app_setting_in_compose_is_a_key_the_app_reads()
    {
        var known = ConfigurationKeys(Path.Combine(Root, "src/OneStop.Web/appsettings.json"));
        foreach (var key in Environment(App).Keys.Where(k => !k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)))
        {
            Assert.Contains(key.Replace("__", ":", StringComparison.Ordinal), known);
        }
    }

    [Fact]
    public void The_connection_string_points_at_the_db_service_with_its_credentials()
    {
        var db = Environment(Db);
        var connection = new NpgsqlConnectionStringBuilder(Environment(App)["ConnectionStrings__OneStop"]);

        Assert.Equal("db", connection.Host);
        Assert.Equal(5432, connection.Port);
        Assert.Equal(db["POSTGRES_DB"], connection.Database);
        Assert.Equal(db["POSTGRES_USER"], connection.Username);
        Assert.Equal(db["POSTGRES_PASSWORD"], connection.Password);
        Assert.Contains("pgdata:/var/lib/postgresql/data", Sequence(Db, "volumes"));
        Assert.True(Map(_compose, "volumes").Children.ContainsKey(new YamlScalarNode("pgdata")));
    }

    [Fact]
    public void Ports_agree_between_compose_the_dockerfile_and_the_onestop_script()
    {
        var containerPort = Environment(App)["ASPNETCORE_HTTP_PORTS"];
        var dockerfile = File.ReadAllText(Path.Combine(Root, Scalar(Map(App, "build"), "dockerfile")));
        var published = Assert.Single(Sequence(App, "ports"));

        Assert.Equal($"127.0.0.1:5000:{containerPort}", published);
        Assert.Contains($"EXPOSE {containerPort}", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ASPNETCORE_HTTP_PORTS={containerPort}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("APP_PORT=\"${ONESTOP_PORT:-5000}\"", File.ReadAllText(Path.Combine(Root, "onestop")), StringComparison.Ordinal);
        Assert.Contains($"http://localhost:{containerPort}/health/ready", string.Join(' ', Sequence(Map(App, "healthcheck"), "test")), StringComparison.Ordinal);
        Assert.Contains($"http://localhost:{containerPort}/health/ready", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_waits_for_a_healthy_database_then_migrates_and_seeds_on_first_start()
    {
        Assert.Equal("service_healthy", Scalar(Map(Map(App, "depends_on"), "db"), "condition"));
        Assert.Contains("pg_isready", string.Join(' ', Sequence(Map(Db, "healthcheck"), "test")), StringComparison.Ordinal);
        Assert.Equal("true", Environment(App)["Startup__MigrateDatabase"]);
        Assert.Equal("true", Environment(App)["Startup__SeedDemo"]);
    }

    [Fact]
    public void Compose_is_an_explicit_demonstration_that_the_production_guard_lets_start_once_its_secrets_are_given()
    {
        var environment = Environment(App);
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("true", environment["Demo__Enabled"]);
        Assert.Contains("${ONESTOP_DB_PASSWORD:?", Scalar(Map(Db, "environment"), "POSTGRES_PASSWORD"), StringComparison.Ordinal);

        // The variables compose refuses to run without, given as a user would.
        var settings = environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal),
            e => (string?)RequiredPattern().Replace(e.Value, m => "secret-of-the-user-" + m.Groups[1].Value));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var payments = new OneStop.Infrastructure.Payments.PaymentOptions { Provider = configuration["Payments:Provider"]! };

        Assert.Empty(OneStop.Web.Security.ProductionGuard.Problems(configuration, payments, demo: true));
        Assert.NotEmpty(OneStop.Web.Security.ProductionGuard.Problems(configuration, payments, demo: false));
    }

    [Fact]
    public void Everything_the_dockerfile_copies_exists()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "src/OneStop.Web/Dockerfile"));
        foreach (Match copy in CopyPattern().Matches(dockerfile))
        {
            foreach (var source in copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(File.Exists(Path.Combine(Root, source)) || Directory.Exists(Path.Combine(Root, source)), $"COPY source {source} is missing");
            }
        }
    }

    [GeneratedRegex(@"^COPY (?!--from)(.+) \S+$", RegexOptions.Multiline)]
    private static partial Regex CopyPattern();

    [GeneratedRegex(@"\$\{(\w+):\?[^}]*\}")]
    private static partial Regex RequiredPattern();

    [GeneratedRegex(@"\$\{(\w+):-([^}]*)\}")]
    private static partial Regex VariablePattern();

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        Map(service, "environment").Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => VariablePattern().Replace(((YamlScalarNode)e.Value).Value!, m => m.Groups[2].Value));

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    private static HashSet<string> ConfigurationKeys(string appsettings)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Walk(JsonElement element, string prefix)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                keys.Add(prefix);
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}");
            }
        }

        using var json = JsonDocument.Parse(File.ReadAllText(appsettings));
        Walk(json.RootElement, string.Empty);
        return keys;
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
