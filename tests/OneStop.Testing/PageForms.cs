using AngleSharp.Html.Parser;

namespace OneStop.Testing;

/// <summary>Submits Razor Pages forms the way a browser does, antiforgery token included; pages are read with AngleSharp.</summary>
public static class PageForms
{
    private const string TokenField = "__RequestVerificationToken";

    /// <summary>The antiforgery token of the page's first form that carries one, or null.</summary>
    public static string? AntiforgeryToken(string page) =>
        new HtmlParser().ParseDocument(page).QuerySelector($"input[name={TokenField}]")?.GetAttribute("value");

    /// <summary>Loads the page and reads its form (the first that posts, or the one <paramref name="selector"/> names).</summary>
    public static async Task<PageForm> FormAsync(this HttpClient client, string path, string? selector = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return PageForm.Parse(await client.GetStringAsync(path), path, selector);
    }

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token of <paramref name="page"/> (loaded from the path when not given).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IDictionary<string, string> fields,
        string? page = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        page ??= await client.GetStringAsync(path);
        var token = AntiforgeryToken(page) ?? throw new InvalidOperationException($"No antiforgery token on {path}.");
        var form = new Dictionary<string, string>(fields) { [TokenField] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DemoAccounts.Password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
}
