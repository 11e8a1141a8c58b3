using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneStop.Documents.Signing.Appearance;

namespace OneStop.Documents.Signing.Pdf;

// Appends to a PDF one incremental update that adds a signature field (widget with its appearance on the page, field
// in the AcroForm) and its signature dictionary, with /ByteRange filled in and /Contents left as zeros to be filled.
internal static class SignatureFieldWriter
{
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";
    private const string FieldNamePrefix = "OneStop.Signature.";

    public sealed record Placeholder(byte[] Pdf, long ContentsStart, long ContentsEnd, string FieldName);

    public static Placeholder Add(byte[] pdf, SignaturePlacement placement, SignatureAppearance appearance, DateTimeOffset signingTime,
        SignatureDetails details, int capacity)
    {
        var file = PdfFile.Read(pdf);
        var update = new IncrementalUpdate(file);
        var catalog = file.Dictionary(file.RootNumber);
        var (acroFormNumber, acroForm) = AcroForm(file, catalog);
        var fields = FieldNumbers(file, acroForm);
        var fieldName = FieldName(file, fields);
        var pages = Pages(file, catalog);
        PdfSyntax.Require(pages.Count > 0, 0, "the document has no page");
        if (placement.PageIndex >= pages.Count)
        {
            throw new SigningException(SigningErrors.UnsupportedDocument, "Vị trí chữ ký nằm ngoài số trang của văn bản.");
        }

        var pageNumber = pages[placement.PageIndex];
        int? appearanceNumber = placement.IsVisible
            ? FormXObjectTransplant.Add(update, placement.Width, placement.Height, gfx => AppearanceRenderer.Draw(gfx, placement.Width, placement.Height, appearance, signingTime))
            : null;

        var signatureNumber = update.Allocate();
        var fieldNumber = update.Allocate();
        var signature = SignatureDictionary(appearance, signingTime, details, capacity);
        update.Set(signatureNumber, signature);

        var field = new PdfDictionaryText
        {
            ["/Type"] = "/Annot",
            ["/Subtype"] = "/Widget",
            ["/FT"] = "/Sig",
            ["/T"] = $"({fieldName})",
            ["/F"] = "132",
            ["/Rect"] = placement.IsVisible
                ? $"[{PdfSyntax.Number(placement.Left)} {PdfSyntax.Number(placement.Bottom)} {PdfSyntax.Number(placement.Left + placement.Width)} {PdfSyntax.Number(placement.Bottom + placement.Height)}]"
                : "[0 0 0 0]",
            ["/P"] = $"{pageNumber} 0 R",
            ["/V"] = $"{signatureNumber} 0 R",
        };
        if (appearanceNumber is { } ap)
        {
            field["/AP"] = $"<</N {ap} 0 R>>";
        }

        update.Set(fieldNumber, field.ToString());

        // The widget joins the page's annotations and the field joins the form; existing arrays are extended where they live.
        var page = file.Dictionary(pageNumber);
        AppendReference(file, update, page, "/Annots", fieldNumber, () => update.Set(pageNumber, page.ToString()));
        AppendReference(file, update, acroForm, "/Fields", fieldNumber, () => { });
        acroForm["/SigFlags"] = "3";
        if (acroFormNumber is { } formNumber)
        {
            update.Set(formNumber, acroForm.ToString());
        }
        else
        {
            var newForm = update.Allocate();
            update.Set(newForm, acroForm.ToString());
            catalog["/AcroForm"] = $"{newForm} 0 R";
            update.Set(file.RootNumber, catalog.ToString());
        }

        var bytes = update.Build(out var offsets);
        var at = offsets[signatureNumber];
        var contentsStart = at + signature.IndexOf("/Contents<", StringComparison.Ordinal) + "/Contents".Length;
        var contentsEnd = contentsStart + 2 + (2L * capacity);
        var byteRangeAt = at + signature.IndexOf(ByteRangePlaceholder, StringComparison.Ordinal);
        var byteRange = string.Create(CultureInfo.InvariantCulture, $"[0 {contentsStart} {contentsEnd} {bytes.Length - contentsEnd}]")
            .PadRight(ByteRangePlaceholder.Length);
        PdfSyntax.Latin1.GetBytes(byteRange).CopyTo(bytes, byteRangeAt);
        return new Placeholder(bytes, contentsStart, contentsEnd, fieldName);
    }

    public static byte[] DocumentDigest(byte[] pdf, long contentsStart, long contentsEnd) =>
        SHA256.HashData(SignedContent(pdf, contentsStart, contentsEnd));

    // The bytes a signature covers: everything but the /Contents value.
    public static byte[] SignedContent(byte[] pdf, long contentsStart, long contentsEnd)
    {
        var content = new byte[pdf.Length - (contentsEnd - contentsStart)];
        pdf.AsSpan(0, (int)contentsStart).CopyTo(content);
        pdf.AsSpan((int)contentsEnd).CopyTo(content.AsSpan((int)contentsStart));
        return content;
    }

    private static string SignatureDictionary(SignatureAppearance appearance, DateTimeOffset signingTime, SignatureDetails details, int capacity)
    {
        var d = new PdfDictionaryText
        {
            ["/Type"] = "/Sig",
            ["/Filter"] = "/Adobe.PPKLite",
            ["/SubFilter"] = "/ETSI.CAdES.detached",
            ["/ByteRange"] = ByteRangePlaceholder,
            ["/Contents"] = "<" + new string('0', 2 * capacity) + ">",
            ["/M"] = PdfDate(signingTime),
            ["/Name"] = TextString(appearance.Name),
        };
        if (!string.IsNullOrWhiteSpace(details.Reason))
        {
            d["/Reason"] = TextString(details.Reason);
        }

        if (!string.IsNullOrWhiteSpace(details.Location))
        {
            d["/Location"] = TextString(details.Location);
        }

        if (!string.IsNullOrWhiteSpace(details.ContactInfo))
        {
            d["/ContactInfo"] = TextString(details.ContactInfo);
        }

        d["/Prop_Build"] = "<</App<</Name/OneStop>>>>";
        return d.ToString();
    }

    // PDF text strings in UTF-16BE with a byte order mark, as hexadecimal (ISO 32000-1, 7.9.2.2), NFC first.
    public static string TextString(string text) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text.Normalize(NormalizationForm.FormC))) + ">";

    // D:YYYYMMDDHHmmSS+07'00' in Vietnam time (ISO 32000-1, 7.9.4).
    public static string PdfDate(DateTimeOffset time)
    {
        var t = Forms.VnFormat.ToVietnamTime(time);
        return "(D:" + t.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+07'00')";
    }

    private static (int? Number, PdfDictionaryText Form) AcroForm(PdfFile file, PdfDictionaryText catalog)
    {
        if (catalog.Reference("/AcroForm") is { } n)
        {
            return (n, file.Dictionary(n));
        }

        return catalog["/AcroForm"] is { } direct ? (null, PdfDictionaryText.Parse(direct)) : (null, new PdfDictionaryText());
    }

    private static string FieldName(PdfFile file, List<int> fields)
    {
        var taken = fields.Select(n => file.Dictionary(n)["/T"]).ToHashSet(StringComparer.Ordinal);
        var i = fields.Count + 1;
        while (taken.Contains($"({FieldNamePrefix}{i.ToString(CultureInfo.InvariantCulture)})"))
        {
            i++;
        }

        return FieldNamePrefix + i.ToString(CultureInfo.InvariantCulture);
    }

    private static List<int> FieldNumbers(PdfFile file, PdfDictionaryText acroForm) =>
        acroForm["/Fields"] is { } fields ? [.. PdfSyntax.References(file.Resolve(fields))] : [];

    private static List<int> Pages(PdfFile file, PdfDictionaryText catalog)
    {
        var result = new List<int>();
        var root = catalog.Reference("/Pages") ?? throw new PdfFormatException("PDF: the catalog has no /Pages.");
        Walk(root, 0);
        return result;

        void Walk(int number, int depth)
        {
            PdfSyntax.Require(depth < 64, 0, "the page tree is too deep");
            var node = file.Dictionary(number);
            if (node.NameIs("/Type", "/Page"))
            {
                result.Add(number);
                return;
            }

            foreach (var kid in PdfSyntax.References(file.Resolve(node["/Kids"] ?? "[]")))
            {
                Walk(kid, depth + 1);
            }
        }
    }

    // Adds "n 0 R" to an array entry of the dictionary: in place when the array is direct (calling changed), in the
    // array's own object when the entry refers to one, or as a new entry.
    private static void AppendReference(PdfFile file, IncrementalUpdate update, PdfDictionaryText owner, string key, int number, Action changed)
    {
        if (owner.Reference(key) is { } arrayNumber)
        {
            update.Set(arrayNumber, Append(file.ObjectText(arrayNumber), number));
            return;
        }

        owner[key] = owner[key] is { } direct ? Append(direct, number) : $"[{number} 0 R]";
        changed();
    }

    private static string Append(string array, int number)
    {
        var s = array.Trim();
        PdfSyntax.Require(s.StartsWith('[') && s.EndsWith(']'), 0, "an array was expected");
        return s[..^1].TrimEnd() + $" {number} 0 R]";
    }
}
