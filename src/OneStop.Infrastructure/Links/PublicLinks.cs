using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Documents;

namespace OneStop.Infrastructure.Links;

/// <summary>
/// Absolute links OneStop mails or prints (reset and confirmation links, invitations, notices, QR codes): always on the configured
/// public address (Province:PublicBaseUrl, or what an administrator saved at /Admin/Settings), never on the request's Host or
/// scheme, which a client chooses.
/// </summary>
public sealed class PublicLinks(IOptions<ProvinceOptions> province)
{
    /// <summary>The public address without a trailing slash, e.g. https://dichvucong.langson.gov.vn.</summary>
    public string BaseUrl => province.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The public host (what AllowedHosts is derived from when it is not set).</summary>
    public string Host => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : string.Empty;

    /// <summary>Whether the public address is https (cookies are then always Secure).</summary>
    public bool IsHttps => BaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>An absolute link to a local path (starting with '/'), with query values escaped.</summary>
    public string To(string path, IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"A public link is built from a local path, not '{path}'.", nameof(path));
        }

        return BaseUrl + path + (query is null ? string.Empty : QueryString.Create(query).ToUriComponent());
    }
}
