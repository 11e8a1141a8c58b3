using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace OneStop.Documents.Fonts;

/// <summary>
/// Resolves every requested family to Liberation Serif (Times New Roman metrics) loaded from a directory, in two forms with the same
/// metrics: <see cref="FamilyName"/>, the font reduced to the characters Vietnamese documents are written in (<see cref="Covers"/>)
/// and without its hinting programs, and <see cref="CompleteFamilyName"/>, the font file as installed, for text with any other
/// character. PDFsharp embeds what a document uses of a face together with the face's whole metrics tables and hinting; from the
/// reduced face that is half the bytes, which halves a receipt (84 → 41 KB) and a third of its CPU (the embedded fonts are most of
/// what is compressed). Hinting only fits outlines to a screen's pixel grid at small sizes; print does not use it.
/// </summary>
public sealed class LiberationFontResolver : IFontResolver
{
    /// <summary>Where Debian's fonts-liberation2 package installs the fonts.</summary>
    public const string DefaultDirectory = "/usr/share/fonts/truetype/liberation2";

    /// <summary>The family the composition layer asks for: the Vietnamese characters (<see cref="Covers"/>).</summary>
    public const string FamilyName = "Liberation Serif";

    /// <summary>The family for text with a character outside <see cref="Covers"/>: every glyph of the font.</summary>
    public const string CompleteFamilyName = "Liberation Serif Complete";

    private const string ReducedSuffix = ".vi";

    private static readonly string[] Faces =
    [
        "LiberationSerif-Regular",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    ];

    /// <summary>
    /// The code points of the reduced faces: Basic Latin, Latin-1, Latin Extended-A, Ơ ơ Ư ư, the combining marks, the Vietnamese
    /// letters of Latin Extended Additional, general punctuation, ₫ €, №, ™ and the minus sign.
    /// </summary>
    internal static readonly (int First, int Last)[] ReducedRanges =
    [
        (0x0020, 0x007E), (0x00A0, 0x017F), (0x01A0, 0x01B0), (0x0300, 0x036F), (0x1EA0, 0x1EF9), (0x2010, 0x2027), (0x2030, 0x203A),
        (0x20AB, 0x20AC), (0x2116, 0x2116), (0x2122, 0x2122), (0x2212, 0x2212),
    ];

    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);
    private readonly Lazy<bool> _reduced;

    public LiberationFontResolver(string? directory = null)
    {
        Directory = string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory;
        var missing = Faces.Where(f => !File.Exists(PathOf(f))).ToList();
        if (missing.Count > 0)
        {
            throw new FontsMissingException(
                $"Liberation Serif font files not found in '{Directory}': {string.Join(", ", missing.Select(m => m + ".ttf"))}. " +
                "Install Debian's fonts-liberation2 package (apt-get install fonts-liberation2) or configure the font directory.");
        }

        _reduced = new(() => Faces.All(face => GetFont(face + ReducedSuffix) != GetFont(face)));
    }

    /// <summary>The directory the font files are read from.</summary>
    public string Directory { get; }

    /// <summary>
    /// Whether <see cref="FamilyName"/> is the reduced font (HarfBuzz's subsetter, Debian's libharfbuzz-subset0, is installed); without
    /// it both families are the installed files, and documents are the same, only larger.
    /// </summary>
    public bool Reduced => _reduced.Value;

    /// <summary>Whether every character of <paramref name="text"/> is in the reduced faces (control characters are never drawn).</summary>
    public static bool Covers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!char.IsControl(c) && !InReducedRanges(c))
            {
                return false;
            }
        }

        return true;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        var face = (isBold, isItalic) switch
        {
            (true, true) => Faces[3],
            (true, false) => Faces[1],
            (false, true) => Faces[2],
            _ => Faces[0],
        };
        return new FontResolverInfo(string.Equals(familyName, CompleteFamilyName, StringComparison.Ordinal) ? face : face + ReducedSuffix);
    }

    public byte[]? GetFont(string faceName) =>
        _cache.GetOrAdd(faceName, name => name.EndsWith(ReducedSuffix, StringComparison.Ordinal)
            ? Reduce(GetFont(name[..^ReducedSuffix.Length])!)
            : File.ReadAllBytes(PathOf(name)));

    // The reduced face, or the complete one itself when HarfBuzz's subsetter is missing or refuses it.
    private static byte[] Reduce(byte[] complete) => HarfBuzzSubset.TryTrim(complete, ReducedRanges, "VI") ?? complete;

    private static bool InReducedRanges(char c)
    {
        foreach (var (first, last) in ReducedRanges)
        {
            if (c >= first && c <= last)
            {
                return true;
            }
        }

        return false;
    }

    private string PathOf(string face) => Path.Combine(Directory, face + ".ttf");
}
