namespace OneStop.Documents.Fonts;

/// <summary>Thrown when the Liberation Serif font files cannot be found where they are expected.</summary>
public sealed class FontsMissingException : Exception
{
    public FontsMissingException(string message)
        : base(message)
    {
    }

    public FontsMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FontsMissingException()
    {
    }
}
