using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Infrastructure.Officials;

internal sealed class TaskReassignmentConfiguration : IEntityTypeConfiguration<TaskReassignment>
{
    public void Configure(EntityTypeBuilder<TaskReassignment> builder)
    {
        builder.ToTable("task_reassignments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.DossierId).HasMaxLength(64);
        builder.Property(r => r.StepId).HasMaxLength(100);
        builder.Property(r => r.Role).HasMaxLength(32);
        builder.Property(r => r.Agency).HasMaxLength(32);
        builder.Property(r => r.Department).HasMaxLength(32);
        builder.Property(r => r.FormerAssignee).HasMaxLength(64);
        builder.Property(r => r.FormerAssigneeName).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(32);
        builder.Property(r => r.FlaggedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.Agency, r.Department });
        builder.HasIndex(r => r.TaskId);
    }
}
