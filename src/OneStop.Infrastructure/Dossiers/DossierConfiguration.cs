using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Dossiers;
using OneStop.Core.Organisation;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Dossiers;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.ToTable("dossiers");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Code).HasMaxLength(64);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(d => new { d.ApplicantUserId, d.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.Property(d => d.LegacyCode).HasMaxLength(64);
        // Indexes on a column most rows leave empty hold only the rows that have it (every look-up is by a value): a new
        // submission has no returner, a migrated dossier no applicant account nor procedure version, and a row not in an index
        // costs nothing to write — a million of them in a legacy import. A migrated dossier is found by its code (its legacy
        // code); the only query on legacy codes, the console's list of open migrated dossiers without a workflow, has an index
        // holding just those rows.
        builder.HasIndex(d => new { d.SubmittedAt, d.LegacyCode }).HasDatabaseName("ix_dossiers_unrouted_legacy")
            .HasFilter("legacy_code IS NOT NULL AND workflow_instance_id IS NULL AND status <> 'Completed' AND status <> 'Rejected' AND status <> 'Withdrawn'");
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.FormData).HasColumnType("jsonb");
        builder.Property<uint>("xmin").IsRowVersion();
        builder.OwnsOne(d => d.Applicant, a =>
        {
            a.Property(x => x.FullName).HasMaxLength(200);
            a.Property(x => x.IdNumber).HasMaxLength(12);
            a.Property(x => x.Phone).HasMaxLength(10);
            a.Property(x => x.PhoneAsTyped).HasMaxLength(50);
            a.Property(x => x.Email).HasMaxLength(256);
            a.Property(x => x.Address).HasMaxLength(500);
        });
        builder.HasOne<Procedure>().WithMany().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProcedureVersion>().WithMany().HasForeignKey(d => d.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OneStopUser>().WithMany().HasForeignKey(d => d.ApplicantUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.ProcedureVersionId).HasFilter("procedure_version_id IS NOT NULL");
        builder.HasIndex(d => new { d.ApplicantUserId, d.CreatedAt }).HasFilter("applicant_user_id IS NOT NULL");
        builder.HasIndex(d => new { d.AgencyId, d.Status, d.SubmittedAt });
        builder.Ignore(d => d.IsClosed);

        // Workspace: result hand-over and the apology's new date.
        builder.Property(d => d.ResultReturnMethod).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ResultReceivedBy).HasMaxLength(200);
        builder.HasOne<OneStopUser>().WithMany().HasForeignKey(d => d.ResultReturnedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.ResultReturnedBy).HasFilter("result_returned_by IS NOT NULL");
        builder.Ignore(d => d.PromisedAt);

        // Public look-up: a dossier added through EF has its key at once (for the notice written before the save); a row inserted by
        // SQL (the legacy import) gets one from the column's default.
        builder.Property(d => d.LookupKey).HasMaxLength(LookupKeys.Length).IsRequired()
            .HasDefaultValueSql(Data.Sql.LookupKeySql.Function + "()").HasValueGenerator<LookupKeyGenerator>();

        // Portal: fee payment and how the result is delivered.
        builder.Property(d => d.ResultDelivery).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.PostalAddress).HasMaxLength(500);
    }
}
