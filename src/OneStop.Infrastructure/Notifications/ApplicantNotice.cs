namespace OneStop.Infrastructure.Notifications;

/// <summary>One piece of news for a dossier's applicant; the marker identifies the event so it is told once.</summary>
public sealed record ApplicantNotice(string Message, string Marker, DateTimeOffset At)
{
    /// <summary>The e-mail's subject; by default the dossier's code and its status.</summary>
    public string? Subject { get; init; }

    /// <summary>Further lines for the e-mail (documents issued, what was asked, the procedure's own message).</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>Workflow outbox entries whose news this notice carries (their handlers then send no e-mail).</summary>
    public IReadOnlyList<long> Covers { get; init; } = [];

    public bool InApp { get; init; } = true;

    public bool ByEmail { get; init; } = true;
}
