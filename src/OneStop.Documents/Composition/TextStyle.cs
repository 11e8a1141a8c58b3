namespace OneStop.Documents.Composition;

/// <summary>How a run of text is drawn: size in points and emphasis.</summary>
public sealed record TextStyle(double Size = 13, bool Bold = false, bool Italic = false, bool Underline = false)
{
    /// <summary>Body text per Decree 30/2020: 13 pt regular.</summary>
    public static TextStyle Body { get; } = new();

    public TextStyle AsBold() => this with { Bold = true };

    public TextStyle AsItalic() => this with { Italic = true };

    public TextStyle WithSize(double size) => this with { Size = size };
}
