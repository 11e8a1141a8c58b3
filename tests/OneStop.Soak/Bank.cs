using System.Net;
using System.Text.RegularExpressions;

namespace OneStop.Soak;

/// <summary>The payer's browser at the simulated bank: its page (antiforgery cookie and token), "Thanh toán", then the signed return to OneStop.</summary>
internal static partial class Bank
{
    public static async Task<bool> PayAsync(Proxy proxy, string bankPath)
    {
        var page = await proxy.SendAsync("bank page", () => new HttpRequestMessage(HttpMethod.Get, bankPath));
        if (page.Status != HttpStatusCode.OK)
        {
            return false;
        }

        var cookies = string.Join("; ", page.Message.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        var fields = new Dictionary<string, string>();
        foreach (Match input in Input().Matches(page.Body))
        {
            if (input.Value.Contains("type=\"hidden\"", StringComparison.OrdinalIgnoreCase) && Name().Match(input.Value) is { Success: true } name
                && Value().Match(input.Value) is { Success: true } value)
            {
                fields[WebUtility.HtmlDecode(name.Groups[1].Value)] = WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        fields["choice"] = "Succeeded";
        var posted = await proxy.SendAsync("bank pay", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, bankPath) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("Cookie", cookies);
            return request;
        });
        if (posted.Status != HttpStatusCode.Redirect && posted.Status != HttpStatusCode.Found || posted.Message.Headers.Location is not { } back)
        {
            return false;
        }

        var path = back.IsAbsoluteUri ? back.PathAndQuery : back.OriginalString;
        // The browser comes back to the return page; the bank's server also notifies the API — a replay that must change nothing.
        var returned = await proxy.SendAsync("payment return", () => new HttpRequestMessage(HttpMethod.Get, path));
        var query = path.Contains('?', StringComparison.Ordinal) ? path[path.IndexOf('?', StringComparison.Ordinal)..] : string.Empty;
        var notified = await proxy.SendAsync("payment callback", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/callback" + query));
        return (int)returned.Status < 400 && notified.Ok;
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex("\\sname=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Name();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Value();
}
