using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.Dossiers;

internal sealed class DossierAttachmentConfiguration : IEntityTypeConfiguration<DossierAttachment>
{
    public void Configure(EntityTypeBuilder<DossierAttachment> builder)
    {
        builder.ToTable("dossier_attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.DocumentCode).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.DossierId);
        builder.Property(a => a.Provenance).HasMaxLength(500);
        builder.Property(a => a.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(a => new { a.DossierId, a.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
    }
}
