namespace OneStop.Documents.Templates;

/// <summary>Thrown when a result template is malformed or names fields the dossier does not have.</summary>
public sealed class TemplateValidationException : Exception
{
    public TemplateValidationException(IReadOnlyList<string> errors)
        : base("Mẫu kết quả không hợp lệ / invalid result template: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public TemplateValidationException()
        : this([])
    {
    }

    public TemplateValidationException(string message)
        : this([message])
    {
    }

    public TemplateValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
