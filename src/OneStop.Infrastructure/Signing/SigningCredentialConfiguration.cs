using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Organisation;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Signing;

internal sealed class SigningCredentialConfiguration : IEntityTypeConfiguration<SigningCredential>
{
    public void Configure(EntityTypeBuilder<SigningCredential> builder)
    {
        builder.ToTable("signing_credentials", t =>
        {
            t.HasCheckConstraint("ck_signing_credentials_owner",
                "(owner = 0 AND user_id IS NOT NULL AND agency_id IS NULL) OR (owner = 1 AND agency_id IS NOT NULL AND user_id IS NULL)");
            // A remote credential is an official's, with an account; agencies' seals are PKCS#12.
            t.HasCheckConstraint("ck_signing_credentials_kind", "(kind = 0 AND remote_account IS NULL) OR (kind = 1 AND owner = 0 AND remote_account IS NOT NULL)");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.SignerName).HasMaxLength(300);
        builder.Property(c => c.Organization).HasMaxLength(300);
        builder.Property(c => c.IssuerName).HasMaxLength(300);
        builder.Property(c => c.SerialNumber).HasMaxLength(100);
        builder.Property(c => c.Thumbprint).HasMaxLength(64);
        builder.Property(c => c.RemoteAccount).HasMaxLength(200);
        // One credential in force per official and per agency; replaced ones stay, revoked.
        builder.HasIndex(c => c.UserId).IsUnique().HasFilter("revoked_at IS NULL AND user_id IS NOT NULL");
        builder.HasIndex(c => c.AgencyId).IsUnique().HasFilter("revoked_at IS NULL AND agency_id IS NOT NULL");
        builder.HasOne<OneStopUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SigningTrustAnchorConfiguration : IEntityTypeConfiguration<SigningTrustAnchor>
{
    public void Configure(EntityTypeBuilder<SigningTrustAnchor> builder)
    {
        builder.ToTable("signing_trust_anchors");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Thumbprint).HasMaxLength(64);
        builder.HasIndex(a => a.Thumbprint).IsUnique();
    }
}
