namespace OneStop.Documents.Signing.Pdf;

/// <summary>The bytes are not a PDF this code can read or extend.</summary>
public sealed class PdfFormatException : Exception
{
    public PdfFormatException(long position, string message)
        : base($"PDF: {message} (at byte {position}).")
    {
        Position = position;
    }

    public PdfFormatException()
    {
    }

    public PdfFormatException(string message)
        : base(message)
    {
    }

    public PdfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Position { get; }
}
