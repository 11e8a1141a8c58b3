using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Organisation;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Procedures;

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> builder)
    {
        builder.ToTable("fields");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Code).HasMaxLength(64);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Property(f => f.Name).HasMaxLength(300);
    }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("procedures");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(500);
        builder.Property(p => p.Level).HasConversion<int>();
        builder.Property(p => p.Fee).HasPrecision(18, 0);
        builder.Property(p => p.WorkflowId).HasMaxLength(100);
        builder.Property(p => p.RequiredDocuments).HasJsonConversion();
        builder.Property(p => p.FormSchema).HasJsonConversion();
        builder.Property(p => p.ResultTemplate).HasColumnType("jsonb");
        builder.HasOne<Field>().WithMany().HasForeignKey(p => p.FieldId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.Terms);
    }
}
