using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Organisation;

namespace OneStop.Infrastructure.Data.Configurations;

internal sealed class ServiceCounterConfiguration : IEntityTypeConfiguration<ServiceCounter>
{
    public void Configure(EntityTypeBuilder<ServiceCounter> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.Location).HasMaxLength(300);
        builder.HasIndex(c => new { c.DepartmentId, c.Code }).IsUnique();
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
