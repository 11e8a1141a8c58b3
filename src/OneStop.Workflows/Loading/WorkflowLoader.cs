using System.Text;
using System.Text.Json;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Loading;

/// <summary>Reads workflow definitions from JSON and validates them.</summary>
public static class WorkflowLoader
{
    /// <summary>Parses and validates JSON text (NFC-normalised first); never throws for bad input.</summary>
    public static WorkflowLoadResult Load(string json, OrganisationCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        WorkflowDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<WorkflowDefinition>(json.Normalize(NormalizationForm.FormC), WorkflowJson.Options);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber + 1;
            var position = ex.BytePositionInLine + 1;
            var problem = new WorkflowProblem(ProblemCode.MalformedJson, ex.Path ?? "$",
                $"Malformed JSON at line {line}, position {position}: {FirstSentence(ex.Message)}",
                $"JSON sai cú pháp tại dòng {line}, vị trí {position}.")
            { Line = line, Position = position };
            return new WorkflowLoadResult(null, [problem]);
        }

        if (definition is null)
            return new WorkflowLoadResult(null, [new WorkflowProblem(ProblemCode.MalformedJson, "$", "The file holds JSON null.", "Tệp chỉ chứa null.")]);
        return new WorkflowLoadResult(definition, WorkflowValidator.Validate(definition, catalog));
    }

    /// <summary>Reads and validates a file.</summary>
    public static WorkflowLoadResult LoadFile(string path, OrganisationCatalog? catalog = null) =>
        Load(File.ReadAllText(path, Encoding.UTF8), catalog);

    /// <summary>Parses and validates, throwing <see cref="WorkflowValidationException"/> on any problem.</summary>
    public static WorkflowDefinition LoadValid(string json, OrganisationCatalog? catalog = null)
    {
        var result = Load(json, catalog);
        return result.IsValid ? result.Definition! : throw new WorkflowValidationException(result.Problems);
    }

    /// <summary>Serialises a definition back to JSON.</summary>
    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, WorkflowJson.Options);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
