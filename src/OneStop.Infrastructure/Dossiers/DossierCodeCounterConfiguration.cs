using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Infrastructure.Dossiers;

internal sealed class DossierCodeCounterConfiguration : IEntityTypeConfiguration<DossierCodeCounter>
{
    public void Configure(EntityTypeBuilder<DossierCodeCounter> builder)
    {
        builder.ToTable("dossier_code_counters");
        builder.HasKey(c => new { c.AgencyCode, c.Day });
        builder.Property(c => c.AgencyCode).HasMaxLength(32);
    }
}
