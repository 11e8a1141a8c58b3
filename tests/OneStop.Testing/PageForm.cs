using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OneStop.Testing;

/// <summary>
/// A form read from a page the way a browser submits it: every named control (hidden fields and the antiforgery token included,
/// the selected options, checked boxes and radios, text areas), which a test may then change before posting.
/// </summary>
public sealed class PageForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private PageForm(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        _fields = fields;
    }

    /// <summary>Where the form posts: its action attribute, or the page it came from.</summary>
    public string Action { get; }

    /// <summary>The fields in document order; a name may repeat (a checked box and its hidden "false").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>The value of the first field of that name, or null.</summary>
    public string? this[string name] => _fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>Reads the first form matching <paramref name="selector"/> (by default the first form that posts) of a page at <paramref name="path"/>.</summary>
    public static PageForm Parse(string html, string path, string? selector = null) =>
        TryParse(html, path, selector) ?? throw new InvalidOperationException($"No form '{selector ?? "form[method=post]"}' on {path}.");

    /// <summary>As <see cref="Parse"/>, or null when the page has no such form.</summary>
    public static PageForm? TryParse(string html, string path, string? selector = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        if (document.QuerySelector(selector ?? "form[method=post]") is not IHtmlFormElement form)
        {
            return null;
        }

        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { IsDisabled: false } input when input.Name is { Length: > 0 } name:
                    if (input.Type is "submit" or "button" or "reset" or "image" or "file"
                        || (input.Type is "checkbox" or "radio" && !input.IsChecked))
                    {
                        break;
                    }

                    fields.Add(new(name, input.Type is "checkbox" or "radio" && !input.HasAttribute("value") ? "on" : input.Value));
                    break;
                case IHtmlSelectElement { IsDisabled: false } select when select.Name is { Length: > 0 } name:
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        chosen.Add(select.Options[0]!);
                    }

                    fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlTextAreaElement { IsDisabled: false } text when text.Name is { Length: > 0 } name:
                    fields.Add(new(name, text.Value));
                    break;
            }
        }

        var action = form.GetAttribute("action");
        return new PageForm(string.IsNullOrEmpty(action) ? path : action, fields);
    }

    /// <summary>Sets a field (replacing every field of that name), as a person typing or choosing would.</summary>
    public PageForm Set(string name, string value)
    {
        var at = _fields.FindIndex(f => f.Key == name);
        _fields.RemoveAll(f => f.Key == name);
        _fields.Insert(at < 0 ? _fields.Count : at, new(name, value));
        return this;
    }

    /// <summary>Sets several fields.</summary>
    public PageForm Set(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
        {
            Set(name, value);
        }

        return this;
    }

    /// <summary>Leaves a field out, as an unchecked box or a control the page does not have.</summary>
    public PageForm Remove(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    /// <summary>The form as application/x-www-form-urlencoded.</summary>
    public HttpContent Content() => new FormUrlEncodedContent(_fields);

    /// <summary>The form as multipart/form-data with one file.</summary>
    public HttpContent Content(string fileField, string fileName, byte[] content, string contentType = "application/pdf")
    {
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in _fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        var bytes = new ByteArrayContent(content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        multipart.Add(bytes, fileField, fileName);
        return multipart;
    }

    /// <summary>Posts the form to its action.</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsync(Action, Content());
    }
}
