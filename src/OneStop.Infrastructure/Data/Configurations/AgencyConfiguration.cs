using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Organisation;

namespace OneStop.Infrastructure.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Identifier).HasMaxLength(64);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsActive);
    }
}
