using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.Legacy;

internal sealed class LegacyImportRunConfiguration : IEntityTypeConfiguration<LegacyImportRun>
{
    public void Configure(EntityTypeBuilder<LegacyImportRun> builder)
    {
        builder.ToTable("import_runs", LegacySql.Schema);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.BundleKey).HasMaxLength(64);
        builder.Property(r => r.Bundle).HasMaxLength(500);
        builder.Property(r => r.SourceSystem).HasMaxLength(OneStop.Legacy.Bundles.BundleManifest.MaxSourceSystemLength);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.ReportJson).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.BundleKey, r.Status });
        builder.HasIndex(r => r.StartedAt);
    }
}

internal sealed class LegacyHistoryRecordConfiguration : IEntityTypeConfiguration<LegacyHistoryRecord>
{
    public void Configure(EntityTypeBuilder<LegacyHistoryRecord> builder)
    {
        builder.ToTable("dossier_history", LegacySql.Schema);
        // The legacy export's own key, in the order the timeline reads it: one index, not a random id beside it (the import
        // writes five million of these rows, and every index on a random key is a random page written per row).
        builder.HasKey(h => new { h.DossierId, h.Sequence });
        builder.Property(h => h.UserName).HasMaxLength(100);
        builder.Property(h => h.AgencyCode).HasMaxLength(32);
        builder.Property(h => h.Action).HasMaxLength(100);
        builder.Property(h => h.RowHash).HasMaxLength(32);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(h => h.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LegacyRecordMapConfiguration : IEntityTypeConfiguration<LegacyRecordMap>
{
    public void Configure(EntityTypeBuilder<LegacyRecordMap> builder)
    {
        builder.ToTable("record_map", LegacySql.Schema);
        // No foreign key to legacy.sources: it would be checked for each of the millions of entries an import writes, and the
        // sources are only ever added (by the import, under its lock, before its first entry).
        builder.HasKey(m => new { m.SourceId, m.Table, m.LegacyKey });
        builder.Property(m => m.Table).HasColumnName("tbl").HasMaxLength(32);
        builder.Property(m => m.LegacyKey).HasMaxLength(600);
        builder.Property(m => m.RowHash).HasMaxLength(32);
    }
}

internal sealed class LegacySourceConfiguration : IEntityTypeConfiguration<LegacySource>
{
    public void Configure(EntityTypeBuilder<LegacySource> builder)
    {
        builder.ToTable("sources", LegacySql.Schema);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(OneStop.Legacy.Bundles.BundleManifest.MaxSourceSystemLength);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}
