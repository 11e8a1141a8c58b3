namespace OneStop.Core.Notifications;

/// <summary>One e-mail; a stable <see cref="Id"/> makes a repeated delivery of the same message recognisable (Message-Id, pickup file name).</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody)
{
    /// <summary>A stable identifier of this message (letters, digits, '-', '.'), or null for a one-off message.</summary>
    public string? Id { get; init; }
}
