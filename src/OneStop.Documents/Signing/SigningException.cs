namespace OneStop.Documents.Signing;

/// <summary>Signing was refused or failed; <see cref="Exception.Message"/> is Vietnamese and meant for the official, <see cref="Code"/> is stable.</summary>
public sealed class SigningException : Exception
{
    public SigningException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public SigningException()
        : this(SigningErrors.Failed, "Ký số không thành công.")
    {
    }

    public SigningException(string message)
        : this(SigningErrors.Failed, message)
    {
    }

    public SigningException(string message, Exception innerException)
        : this(SigningErrors.Failed, message, innerException)
    {
    }

    public string Code { get; }
}
