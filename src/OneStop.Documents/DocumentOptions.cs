namespace OneStop.Documents;

/// <summary>Options for document rendering.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>Directory holding LiberationSerif-{Regular,Bold,Italic,BoldItalic}.ttf (Debian: fonts-liberation2).</summary>
    public string FontDirectory { get; set; } = Fonts.LiberationFontResolver.DefaultDirectory;
}
