namespace OneStop.Infrastructure.NationalPortal;

/// <summary>A dossier that came from the national portal: its id there, so the same submission sent twice is recognised.</summary>
public sealed class PortalDossier
{
    /// <summary>The dossier's id on the national portal (mã hồ sơ trên Cổng DVC quốc gia).</summary>
    public required string NationalId { get; init; }

    public required Guid DossierId { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
