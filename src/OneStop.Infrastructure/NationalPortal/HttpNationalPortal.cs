using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// The national portal's HTTP interface: each message is POSTed as JSON to {BaseUrl}/messages, signed (<see cref="PortalSignature"/>)
/// with NationalPortal:Key, with its id in X-OneStop-Message-Id too. Any answer but 2xx is a failure carrying the status and the start
/// of the portal's answer.
/// </summary>
internal sealed class HttpNationalPortal(IHttpClientFactory clients, IOptionsMonitor<NationalPortalOptions> options, Links.PublicLinks links,
    TimeProvider clock) : INationalPortal
{
    public const string MessageIdHeader = "X-OneStop-Message-Id";

    /// <summary>Where this host's simulator listens (used when the simulator is on and no BaseUrl is set).</summary>
    public const string SimulatorPath = "/api/v1/national-portal/simulator";

    public async Task SendAsync(PortalMessageBody message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.CurrentValue;
        var body = JsonSerializer.Serialize(message, PortalMessageBody.Json);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(settings)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(PortalSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(PortalSignature.SignatureHeader, PortalSignature.Sign(settings.Key, timestamp, body));
        request.Headers.Add(MessageIdHeader, message.MessageId.ToString());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var client = clients.CreateClient(NationalPortalOptions.HttpClientName);
        client.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"The national portal answered {(int)response.StatusCode} {response.ReasonPhrase}: {(answer.Length > 500 ? answer[..500] : answer)}",
                null, response.StatusCode);
        }
    }

    private Uri Endpoint(NationalPortalOptions settings)
    {
        var baseUrl = string.IsNullOrWhiteSpace(settings.BaseUrl) && settings.Simulator.Enabled ? links.BaseUrl + SimulatorPath : settings.BaseUrl;
        return Uri.TryCreate(baseUrl.TrimEnd('/') + "/messages", UriKind.Absolute, out var url)
            ? url
            : throw new InvalidOperationException("The national portal's address is not configured (NationalPortal:BaseUrl).");
    }
}
