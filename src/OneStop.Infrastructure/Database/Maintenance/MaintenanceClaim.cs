using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Infrastructure.Database.Maintenance;

/// <summary>When a maintenance task shared by every host (the file store's orphan sweep, the purge of sent mail) last ran, and where.</summary>
public sealed class MaintenanceClaim
{
    public required string Task { get; init; }

    /// <summary>The database's clock when a host claimed the run, so hosts whose clocks differ agree on what is due.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>The host (machine name) that claimed it, for operators.</summary>
    public required string ClaimedBy { get; set; }
}

internal sealed class MaintenanceClaimConfiguration : IEntityTypeConfiguration<MaintenanceClaim>
{
    public void Configure(EntityTypeBuilder<MaintenanceClaim> builder)
    {
        builder.ToTable("maintenance_claims");
        builder.HasKey(c => c.Task);
        builder.Property(c => c.Task).HasMaxLength(64);
        builder.Property(c => c.ClaimedBy).HasMaxLength(256);
    }
}
