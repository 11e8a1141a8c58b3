using System.Text;

namespace OneStop.Documents.Signing.Pdf;

// A dictionary's entries as the raw text of their values, in file order, for reading a few keys and writing an edited copy.
internal sealed class PdfDictionaryText
{
    private readonly List<KeyValuePair<string, string>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    public static PdfDictionaryText Parse(string s, int start, out int end)
    {
        var i = PdfSyntax.SkipWhite(s, start);
        PdfSyntax.Require(i + 1 < s.Length && s[i] == '<' && s[i + 1] == '<', i, "a dictionary was expected");
        i += 2;
        var dict = new PdfDictionaryText();
        while (true)
        {
            i = PdfSyntax.SkipWhite(s, i);
            PdfSyntax.Require(i + 1 < s.Length, i, "unterminated dictionary");
            if (s[i] == '>' && s[i + 1] == '>')
            {
                end = i + 2;
                return dict;
            }

            PdfSyntax.Require(s[i] == '/', i, "a name was expected as dictionary key");
            var keyEnd = PdfSyntax.RegularEnd(s, i + 1);
            var key = s[i..keyEnd];
            var valueStart = PdfSyntax.SkipWhite(s, keyEnd);
            var valueEnd = PdfSyntax.SkipObject(s, valueStart);
            dict._entries.Add(new(key, s[valueStart..valueEnd]));
            i = valueEnd;
        }
    }

    public static PdfDictionaryText Parse(string s) => Parse(s, 0, out _);

    public string? this[string key]
    {
        get => _entries.FirstOrDefault(e => e.Key == key).Value;
        set
        {
            var index = _entries.FindIndex(e => e.Key == key);
            if (value is null)
            {
                if (index >= 0)
                {
                    _entries.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                _entries[index] = new(key, value);
            }
            else
            {
                _entries.Add(new(key, value));
            }
        }
    }

    // The object number when the value is an indirect reference.
    public int? Reference(string key)
    {
        var value = this[key];
        return value is not null && PdfSyntax.IsReferenceAt(value, 0, out var end, out var number) && end == value.Length ? number : null;
    }

    public bool NameIs(string key, string name) => this[key] is { } v && v.Trim() == name;

    public override string ToString()
    {
        var sb = new StringBuilder("<<");
        foreach (var (key, value) in _entries)
        {
            sb.Append(key);
            if (value.Length > 0 && !PdfSyntax.IsDelimiter(value[0]))
            {
                sb.Append(' ');
            }

            sb.Append(value);
        }

        return sb.Append(">>").ToString();
    }
}
