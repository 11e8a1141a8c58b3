using System.Text.Json;

namespace OneStop.Workflows.Definitions;

/// <summary>One thing an automatic step does: issue a document, notify, set a field or call a webhook.</summary>
public sealed class AutoOperation
{
    public string? Issue { get; set; }

    public string? Notify { get; set; }

    public string? Message { get; set; }

    public string? Set { get; set; }

    public JsonElement? Value { get; set; }

    public string? Webhook { get; set; }
}
