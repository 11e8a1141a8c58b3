using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Infrastructure.Legacy;

/// <summary>
/// The --mapping FILE of a legacy import (JSON). Every part is optional; without it legacy codes are kept, districts close on
/// 1 July 2025 with their legacy parent as successor, and open dossiers land in the default step of their status.
/// </summary>
public sealed class LegacyMapping
{
    /// <summary>Legacy procedure code → OneStop procedure code (e.g. a renamed national code).</summary>
    public Dictionary<string, string> Procedures { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Legacy agency code → the OneStop agency it is (same body under another code).</summary>
    public Dictionary<string, string> Agencies { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Legacy agency code → the agency that took over its work (districts since 1 July 2025); it is kept, closed.</summary>
    public Dictionary<string, string> Successors { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Open statuses (1, 2, 3, 4, 8), optionally per legacy procedure, to a workflow step; later entries win.</summary>
    public List<LegacyStepRule> Steps { get; init; } = [];

    /// <summary>The workflow for open dossiers of procedures that have none in OneStop (legacy-only); null leaves them without a workflow.</summary>
    public string? DefaultWorkflow { get; init; }

    /// <summary>The day closed districts stopped existing.</summary>
    public DateOnly DistrictsClosedOn { get; init; } = new(2025, 7, 1);

    [JsonIgnore]
    public string Hash { get; private set; } = string.Empty;

    /// <summary>The built-in step of each open status, used when no rule matches.</summary>
    public static IReadOnlyDictionary<int, string[]> DefaultSteps { get; } = new Dictionary<int, string[]>
    {
        [1] = ["reception"],
        [2] = ["review"],
        [3] = ["supplement"],
        [4] = ["handover", "approval"],
        [8] = ["review"],
    };

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static LegacyMapping Default { get; } = Parse("{}");

    /// <summary>Parses a mapping file's text; throws <see cref="JsonException"/> when it is not a mapping.</summary>
    public static LegacyMapping Parse(string json)
    {
        var mapping = JsonSerializer.Deserialize<LegacyMapping>(json, Options) ?? throw new JsonException("The mapping is empty.");
        foreach (var rule in mapping.Steps)
        {
            if (rule.Status is not (1 or 2 or 3 or 4 or 8) || string.IsNullOrWhiteSpace(rule.Step))
            {
                throw new JsonException($"Step rule for status {rule.Status}: status must be 1, 2, 3, 4 or 8 and step must be given.");
            }
        }

        mapping.Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(mapping, Options))))[..16];
        return mapping;
    }

    public static async Task<LegacyMapping> LoadAsync(string path, CancellationToken cancellationToken) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken));

    public string ProcedureCode(string legacyCode) => Procedures.TryGetValue(legacyCode, out var code) ? code.Trim() : legacyCode;

    public string AgencyCode(string legacyCode) => Agencies.TryGetValue(legacyCode, out var code) ? code.Trim().ToUpperInvariant() : legacyCode;

    /// <summary>The step for an open status: the last rule naming the procedure, else the last rule for any procedure, else the defaults.</summary>
    public (string? Workflow, IReadOnlyList<string> Steps) StepFor(int status, string legacyProcedure)
    {
        var rule = Steps.LastOrDefault(r => r.Status == status && r.Procedure == legacyProcedure)
            ?? Steps.LastOrDefault(r => r.Status == status && r.Procedure is null);
        return rule is not null ? (rule.Workflow, [rule.Step]) : (null, DefaultSteps.TryGetValue(status, out var steps) ? steps : []);
    }
}

/// <summary>One rule of <see cref="LegacyMapping.Steps"/>: { "status": 2, "procedure": "1.002804", "workflow": "…", "step": "review" }.</summary>
public sealed record LegacyStepRule(int Status, string Step, string? Procedure = null, string? Workflow = null);
