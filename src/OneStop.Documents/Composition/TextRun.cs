namespace OneStop.Documents.Composition;

/// <summary>A piece of text in one style; line breaks inside the text are honoured.</summary>
public sealed record TextRun(string Text, TextStyle Style)
{
    public static implicit operator TextRun(string text) => new(text, TextStyle.Body);
}
