namespace OneStop.Documents.Models;

/// <summary>Content of the counter's register for a period (Sổ theo dõi hồ sơ).</summary>
public sealed record RegisterModel
{
    public required DocumentHeader Header { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public string? BookNumber { get; init; }

    public required IReadOnlyList<RegisterEntry> Entries { get; init; }

    public required Verification Verification { get; init; }
}
