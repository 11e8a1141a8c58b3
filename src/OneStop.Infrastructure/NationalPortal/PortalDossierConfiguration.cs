using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.NationalPortal;

internal sealed class PortalDossierConfiguration : IEntityTypeConfiguration<PortalDossier>
{
    public void Configure(EntityTypeBuilder<PortalDossier> builder)
    {
        builder.ToTable("national_portal_dossiers");
        builder.HasKey(d => d.NationalId);
        builder.Property(d => d.NationalId).HasMaxLength(PortalDossiers.MaxNationalIdLength);
        builder.HasIndex(d => d.DossierId).IsUnique();
        builder.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
