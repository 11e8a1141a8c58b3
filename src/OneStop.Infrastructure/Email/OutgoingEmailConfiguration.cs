using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Infrastructure.Email;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("email_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.Key).HasMaxLength(EmailOutbox.MaxKeyLength);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.DossierCode).HasMaxLength(64);
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(EmailOutbox.MaxSubjectLength);
        builder.HasIndex(m => m.AvailableAt).HasFilter("sent_at IS NULL AND failed_at IS NULL");
        builder.HasIndex(m => m.DossierCode);
    }
}
