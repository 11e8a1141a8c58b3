namespace OneStop.Infrastructure.Workflows;

/// <summary>A webhook a workflow's automatic step may call (Workflows:Webhooks:{name}).</summary>
public sealed class WebhookOptions
{
    public string Url { get; set; } = string.Empty;

    /// <summary>Signs each delivery (HMAC-SHA256 in X-OneStop-Signature) so the receiver can trust it.</summary>
    public string? Secret { get; set; }
}
