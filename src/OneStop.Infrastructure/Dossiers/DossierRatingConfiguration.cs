using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Dossiers;

internal sealed class DossierRatingConfiguration : IEntityTypeConfiguration<DossierRating>
{
    public void Configure(EntityTypeBuilder<DossierRating> builder)
    {
        builder.ToTable("dossier_ratings");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.DossierId).IsUnique();
        builder.Property(r => r.Comment).HasMaxLength(1000);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OneStopUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
