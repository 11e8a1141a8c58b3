using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace OneStop.Documents.Fonts;

/// <summary>Resolves every requested family to Liberation Serif (Times New Roman metrics) loaded from a directory.</summary>
public sealed class LiberationFontResolver : IFontResolver
{
    /// <summary>Where Debian's fonts-liberation2 package installs the fonts.</summary>
    public const string DefaultDirectory = "/usr/share/fonts/truetype/liberation2";

    /// <summary>The family name the composition layer asks for.</summary>
    public const string FamilyName = "Liberation Serif";

    private static readonly string[] Faces =
    [
        "LiberationSerif-Regular",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    ];

    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

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
    }

    /// <summary>The directory the font files are read from.</summary>
    public string Directory { get; }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        var face = (isBold, isItalic) switch
        {
            (true, true) => Faces[3],
            (true, false) => Faces[1],
            (false, true) => Faces[2],
            _ => Faces[0],
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) =>
        _cache.GetOrAdd(faceName, name => File.ReadAllBytes(PathOf(name)));

    private string PathOf(string face) => Path.Combine(Directory, face + ".ttf");
}
