using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Documents;

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.ToTable("citizen_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.Sha256);
        builder.Property(d => d.DossierCode).HasMaxLength(64);
        builder.Property(d => d.AgencyName).HasMaxLength(300);
        builder.Ignore(d => d.Provenance);
        builder.HasOne<OneStopUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.OwnerId, d.AddedAt });
        builder.HasIndex(d => d.IssuedDocumentId).IsUnique().HasFilter("issued_document_id IS NOT NULL");
        builder.HasIndex(d => d.AttachmentId).IsUnique().HasFilter("attachment_id IS NOT NULL");
    }
}
