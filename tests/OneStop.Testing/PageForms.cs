using System.Net;
using System.Text.RegularExpressions;

namespace OneStop.Testing;

/// <summary>Submits Razor Pages forms the way a browser does, antiforgery token included.</summary>
public static partial class PageForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IDictionary<string, string> fields,
        string? page = null)
    {
        page ??= await client.GetStringAsync(path);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}.");
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DemoAccounts.Password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
}
