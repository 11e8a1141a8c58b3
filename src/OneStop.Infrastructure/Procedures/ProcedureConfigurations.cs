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
        // The name and code in lower case without diacritics, computed by PostgreSQL when the row is written, so the catalogue's
        // search neither normalises every row on every query nor misses its trigram index (docs/PERFORMANCE.md, catalogue).
        builder.Property<string>(ProcedureSearch.Column).HasColumnName("search_text")
            .HasComputedColumnSql("public.f_search_text(name::text || ' ' || code::text)", stored: true);
        builder.HasIndex(ProcedureSearch.Column).HasDatabaseName("ix_procedures_search_text").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

/// <summary>The procedures' computed search column: lower case, no diacritics (f_search_text of the name and code).</summary>
public static class ProcedureSearch
{
    /// <summary>Its shadow property, read with EF.Property in queries.</summary>
    public const string Column = "SearchText";
}
