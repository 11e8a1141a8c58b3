using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Organisation;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<OneStopUser>
{
    public void Configure(EntityTypeBuilder<OneStopUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.Position).HasMaxLength(200);
        builder.Property(u => u.IdNumber).HasMaxLength(12);
        builder.Property(u => u.Address).HasMaxLength(500);
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.AgencyId, u.DepartmentId });
    }
}
