using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OneStop.Workflows.Runtime;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// Calls a configured webhook with the dossier and step; the outbox id travels as X-OneStop-Delivery so the receiver can
/// drop a repeated delivery. A webhook that is not configured, or that answers with an error, stays in the outbox and is retried.
/// </summary>
internal sealed class WebhookEffectHandler(IHttpClientFactory clients, IConfiguration configuration) : IWorkflowEffectHandler
{
    public EffectKind Kind => EffectKind.CallWebhook;

    public async Task HandleAsync(WorkflowEffect effect, long outboxId, CancellationToken cancellationToken)
    {
        var options = configuration.GetSection($"{WorkflowOptions.Section}:Webhooks:{effect.Webhook}").Get<WebhookOptions>();
        if (options is null || !Uri.TryCreate(options.Url, UriKind.Absolute, out var url))
        {
            throw new InvalidOperationException($"Webhook '{effect.Webhook}' is not configured (Workflows:Webhooks:{effect.Webhook}:Url).");
        }

        var body = JsonSerializer.Serialize(new
        {
            delivery = outboxId,
            webhook = effect.Webhook,
            dossierId = effect.DossierCode,
            instanceId = effect.InstanceId,
            step = effect.Reason,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-OneStop-Delivery", outboxId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(options.Secret))
        {
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Secret), Encoding.UTF8.GetBytes(body));
            request.Headers.Add("X-OneStop-Signature", "sha256=" + Convert.ToHexStringLower(signature));
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var client = clients.CreateClient("workflow-webhooks");
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Webhook '{effect.Webhook}' answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }
}
