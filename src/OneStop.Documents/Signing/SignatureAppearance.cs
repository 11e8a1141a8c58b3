namespace OneStop.Documents.Signing;

/// <summary>What a signature shows on the page.</summary>
/// <param name="Kind">The person who signs or the agency's seal signature.</param>
/// <param name="Name">The signer's full name, or the agency's name for a seal (e.g. "Sở Xây dựng tỉnh Lạng Sơn").</param>
public sealed record SignatureAppearance(SignatureKind Kind, string Name)
{
    /// <summary>The signer's title lines as printed above the signature (e.g. "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"); none for a seal.</summary>
    public IReadOnlyList<string> TitleLines { get; init; } = [];

    /// <summary>
    /// An optional PNG with a transparent background: the person's handwritten signature (blue) or the agency's seal (red),
    /// drawn as Decree 30 describes; without it the appearance is text only.
    /// </summary>
    public byte[]? Image { get; init; }

    /// <summary>A person's appearance.</summary>
    public static SignatureAppearance Person(string name, params IReadOnlyList<string> titleLines) =>
        new(SignatureKind.Person, name) { TitleLines = titleLines };

    /// <summary>An agency's seal appearance.</summary>
    public static SignatureAppearance Seal(string agencyName) => new(SignatureKind.Seal, agencyName);
}
