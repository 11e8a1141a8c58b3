using System.Globalization;

namespace OneStop.Documents.Signing.Pdf;

// The objects of a PDF with classic cross-reference tables (as PDFsharp and OneStop's incremental updates write them),
// latest revision first; enough to append an incremental update to it.
internal sealed class PdfFile
{
    private readonly Dictionary<int, long> _offsets = [];

    private PdfFile(byte[] bytes)
    {
        Bytes = bytes;
        Text = PdfSyntax.Latin1.GetString(bytes);
    }

    public byte[] Bytes { get; }

    public string Text { get; }

    public long StartXref { get; private set; }

    public PdfDictionaryText Trailer { get; private set; } = new();

    public int Size => PdfSyntax.ParseInt(Trailer["/Size"] ?? throw new PdfFormatException(StartXref, "the trailer has no /Size"), 0, out _);

    public int RootNumber => Trailer.Reference("/Root") ?? throw new PdfFormatException(StartXref, "the trailer has no /Root");

    public IEnumerable<int> ObjectNumbers => _offsets.Where(o => o.Value >= 0).Select(o => o.Key);

    public static PdfFile Read(byte[] bytes)
    {
        var file = new PdfFile(bytes);
        var text = file.Text;
        PdfSyntax.Require(text.StartsWith("%PDF-", StringComparison.Ordinal), 0, "the file does not start with %PDF-");
        var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        PdfSyntax.Require(at > 0, text.Length, "no startxref");
        file.StartXref = PdfSyntax.ParseInt(text, at + 9, out _);
        var seen = new HashSet<long>();
        long? section = file.StartXref;
        var first = true;
        while (section is { } offset)
        {
            PdfSyntax.Require(offset > 0 && offset < text.Length && seen.Add(offset), (int)Math.Min(offset, int.MaxValue), "a cross-reference offset is out of range or repeats");
            var trailer = file.ReadSection((int)offset);
            if (first)
            {
                file.Trailer = trailer;
                first = false;
            }

            section = trailer["/Prev"] is { } prev ? PdfSyntax.ParseInt(prev, 0, out _) : null;
        }

        return file;
    }

    public bool Contains(int number) => _offsets.TryGetValue(number, out var o) && o >= 0;

    // The text of an object's value (a dictionary, array …) without "n g obj"; a stream's dictionary only.
    public string ObjectText(int number) => Locate(number).Value;

    public PdfDictionaryText Dictionary(int number) => PdfDictionaryText.Parse(ObjectText(number));

    // The bytes of a stream object's data as stored (still filtered).
    public byte[] StreamData(int number)
    {
        var (value, valueEnd) = Locate(number);
        var dict = PdfDictionaryText.Parse(value);
        var lengthText = dict["/Length"] ?? throw new PdfFormatException(valueEnd, $"object {number} has no /Length");
        var length = dict.Reference("/Length") is { } lengthRef ? PdfSyntax.ParseInt(ObjectText(lengthRef), 0, out _) : PdfSyntax.ParseInt(lengthText, 0, out _);
        var i = PdfSyntax.SkipWhite(Text, valueEnd);
        PdfSyntax.Require(string.CompareOrdinal(Text, i, "stream", 0, 6) == 0, i, $"object {number} is not a stream");
        i += 6;
        if (Text[i] == '\r')
        {
            i++;
        }

        PdfSyntax.Require(Text[i] == '\n', i, "stream keyword without end of line");
        i++;
        PdfSyntax.Require(i + length <= Bytes.Length, i, $"object {number}'s stream runs past the end of the file");
        return Bytes.AsSpan(i, length).ToArray();
    }

    public bool IsStream(int number)
    {
        var (_, valueEnd) = Locate(number);
        var i = PdfSyntax.SkipWhite(Text, valueEnd);
        return string.CompareOrdinal(Text, i, "stream", 0, 6) == 0;
    }

    // Resolves a value that may be an indirect reference to the referenced object's text.
    public string Resolve(string value) =>
        PdfSyntax.IsReferenceAt(value, 0, out var end, out var number) && end == value.Length ? ObjectText(number) : value;

    private (string Value, int ValueEnd) Locate(int number)
    {
        if (!_offsets.TryGetValue(number, out var offset) || offset < 0)
        {
            throw new PdfFormatException(StartXref, $"object {number} is not in the file");
        }

        var s = Text;
        var i = (int)offset;
        var n = PdfSyntax.ParseInt(s, i, out i);
        PdfSyntax.ParseInt(s, i, out i);
        i = PdfSyntax.SkipWhite(s, i);
        PdfSyntax.Require(n == number && string.CompareOrdinal(s, i, "obj", 0, 3) == 0, i, $"object {number} is not where the cross-reference table says");
        var start = PdfSyntax.SkipWhite(s, i + 3);
        var end = PdfSyntax.SkipObject(s, start);
        return (s[start..end], end);
    }

    private PdfDictionaryText ReadSection(int offset)
    {
        var s = Text;
        var i = PdfSyntax.SkipWhite(s, offset);
        if (string.CompareOrdinal(s, i, "xref", 0, 4) != 0)
        {
            throw new PdfFormatException(i, "cross-reference streams are not supported: OneStop signs the PDFs it renders, which use cross-reference tables");
        }

        i += 4;
        while (true)
        {
            i = PdfSyntax.SkipWhite(s, i);
            if (string.CompareOrdinal(s, i, "trailer", 0, 7) == 0)
            {
                return PdfDictionaryText.Parse(s, i + 7, out _);
            }

            var start = PdfSyntax.ParseInt(s, i, out i);
            var count = PdfSyntax.ParseInt(s, i, out i);
            for (var k = 0; k < count; k++)
            {
                i = PdfSyntax.SkipWhite(s, i);
                var entryOffset = long.Parse(s.AsSpan(i, 10), NumberStyles.None, CultureInfo.InvariantCulture);
                PdfSyntax.ParseInt(s, i + 10, out var genEnd);
                var kindAt = PdfSyntax.SkipWhite(s, genEnd);
                var kind = s[kindAt];
                i = kindAt + 1;

                // The latest revision's entry wins: sections are read from the newest to the oldest.
                _offsets.TryAdd(start + k, kind == 'n' ? entryOffset : -1);
            }
        }
    }
}
