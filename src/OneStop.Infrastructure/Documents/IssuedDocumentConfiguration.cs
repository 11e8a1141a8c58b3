using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Core.Organisation;

namespace OneStop.Infrastructure.Documents;

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> builder)
    {
        builder.ToTable("issued_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.Reference).HasMaxLength(100);
        builder.Property(d => d.VerificationCode).HasMaxLength(32);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.Sha256);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IssuedDocument>().WithMany().HasForeignKey(d => d.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        // A document is corrected once: two corrections at the same moment cannot both replace it (the chain /verify follows never forks).
        builder.HasIndex(d => d.ReplacesId).IsUnique();
        builder.HasIndex(d => new { d.DossierId, d.IssuedAt });
        builder.Property(d => d.SourceKey).HasMaxLength(100);
        builder.HasIndex(d => d.SourceKey).IsUnique();
    }
}
