using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace OneStop.Testing;

/// <summary>The officials' API (/api/v1/workspace) as an app drives it: read the dossier (its ETag and the action's task), then act with If-Match.</summary>
public static class WorkspaceApi
{
    /// <summary>Reads the dossier as the official sees it (asserting 200).</summary>
    public static async Task<JsonElement> DossierAsync(this HttpClient client, Guid id)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri($"/api/v1/workspace/dossiers/{id}", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Reads the dossier's ETag and the action's task, then sends the action with the given body; the answer is the caller's to check.</summary>
    public static async Task<HttpResponseMessage> SendActionAsync(this HttpClient client, Guid id, string actionId, HttpContent body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var view = await client.GetAsync(new Uri($"/api/v1/workspace/dossiers/{id}", UriKind.Relative));
        return await client.SendActionAsync(id, view, actionId, body);
    }

    /// <summary>Sends the action as an earlier read of the dossier showed it (the action's task, the ETag); the answer is the caller's to check.</summary>
    public static async Task<HttpResponseMessage> SendActionAsync(this HttpClient client, Guid id, HttpResponseMessage view, string actionId, HttpContent body)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(view);
        var dossier = await view.Content.ReadFromJsonAsync<JsonElement>();
        var action = dossier.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("actionId").GetString() == actionId);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri($"/api/v1/workspace/dossiers/{id}/tasks/{action.GetProperty("taskId").GetString()}/actions/{actionId}", UriKind.Relative))
        {
            Content = body,
        };
        request.Headers.IfMatch.Add(view.Headers.ETag!);
        return await client.SendAsync(request);
    }

    /// <summary>Performs the action with a comment, asserting it succeeded.</summary>
    public static async Task ActAsync(this HttpClient client, Guid id, string actionId, string comment)
    {
        var response = await client.SendActionAsync(id, actionId, JsonContent.Create(new { comment }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{actionId}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
