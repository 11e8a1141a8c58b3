using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Procedures;

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> builder)
    {
        builder.ToTable("procedure_versions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.ProcedureId, v.EffectiveFrom });
        builder.Property(v => v.Name).HasMaxLength(500);
        builder.Property(v => v.Level).HasConversion<int>();
        builder.Property(v => v.Fee).HasPrecision(18, 0);
        builder.Property(v => v.WorkflowId).HasMaxLength(100);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.RequiredDocuments).HasJsonConversion();
        builder.Property(v => v.FormSchema).HasJsonConversion();
        builder.Property(v => v.ResultTemplate).HasColumnType("jsonb");
        builder.Ignore(v => v.Terms);
        builder.HasOne<Procedure>().WithMany().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Restrict);
    }
}
