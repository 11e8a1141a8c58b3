namespace OneStop.Infrastructure.Email;

/// <summary>The SMTP relay used when Email:Mode is Smtp.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    public bool UseStartTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
