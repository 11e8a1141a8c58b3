using AngleSharp.Html.Parser;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>Drives the workspace dossier page as a browser would: finds an action's form, fills it and posts it.</summary>
internal static class OfficialPages
{
    /// <summary>The inner HTML of the form of an action, or null when the page does not offer it.</summary>
    public static string? FormOf(string page, string actionId) =>
        new HtmlParser().ParseDocument(page).QuerySelectorAll("form[data-form]").FirstOrDefault(f => f.GetAttribute("data-form") == actionId)?.InnerHtml;

    /// <summary>Performs an action from the dossier page; returns the message or error the page shows.</summary>
    public static async Task<string> ActAsync(this HttpClient client, Guid dossierId, string actionId, IDictionary<string, string>? fields = null,
        (string Name, byte[] Content)? file = null) =>
        await (await client.FillAsync(dossierId, actionId, fields, file))();

    /// <summary>
    /// Loads the dossier page and fills an action's form, without sending it: the returned function posts it,
    /// so a test can hold two pages loaded at the same moment (stale pages) before either is sent.
    /// </summary>
    public static async Task<Func<Task<string>>> FillAsync(this HttpClient client, Guid dossierId, string actionId,
        IDictionary<string, string>? fields = null, (string Name, byte[] Content)? file = null)
    {
        var path = $"/Workspace/Dossier/{dossierId}";
        var page = await client.GetStringAsync(path);
        var form = PageForm.TryParse(page, path, $"form[data-form='{actionId}']")
            ?? throw new InvalidOperationException($"{actionId} is not offered on {path}.");
        form.Set(fields ?? new Dictionary<string, string>());
        var content = file is { } f ? form.Content("ResultFile", f.Name, f.Content) : form.Content();

        return async () =>
        {
            using var response = await client.PostAsync(path, content);
            return response.IsSuccessStatusCode ? Describe(await response.Content.ReadAsStringAsync()) : $"status {(int)response.StatusCode}";
        };
    }

    /// <summary>Posts one of the page's other forms (Claim, Assign, Apology).</summary>
    public static async Task<string> PostHandlerAsync(this HttpClient client, Guid dossierId, string handler, IDictionary<string, string> fields)
    {
        var path = $"/Workspace/Dossier/{dossierId}";
        var page = await client.GetStringAsync(path);
        var response = await client.PostFormAsync($"{path}?handler={handler}", fields, page);
        return Describe(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The message or error the page shows after an action ("message: …", "error: …"), or "nothing".</summary>
    public static string Describe(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=action-message], [data-testid=action-error]") is { } outcome
            ? $"{outcome.GetAttribute("data-testid")![7..]}: {outcome.TextContent}"
            : "nothing";

    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n");
}
