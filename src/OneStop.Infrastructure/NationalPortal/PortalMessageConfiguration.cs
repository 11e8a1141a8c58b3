using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.NationalPortal;

internal sealed class PortalMessageConfiguration : IEntityTypeConfiguration<PortalMessage>
{
    public void Configure(EntityTypeBuilder<PortalMessage> builder)
    {
        builder.ToTable("national_portal_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.DossierId, m.Sequence }).IsUnique();
        builder.Property(m => m.DossierCode).HasMaxLength(64);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.ProcedureCode).HasMaxLength(64);
        builder.Property(m => m.AgencyIdentifier).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => m.AvailableAt).HasFilter("sent_at IS NULL AND failed_at IS NULL");
        builder.HasIndex(m => m.FailedAt).HasFilter("failed_at IS NOT NULL");
        builder.HasOne<Dossier>().WithMany().HasForeignKey(m => m.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
