using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Infrastructure.Workflows.Entities;

namespace OneStop.Infrastructure.Workflows;

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("workflow_definitions");
        builder.HasKey(d => new { d.Id, d.Version });
        builder.Property(d => d.Id).HasMaxLength(100);
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.Procedures).HasMethod("gin");
    }
}

internal sealed class WorkflowInstanceRecordConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("workflow_instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.DossierCode).HasMaxLength(64);
        builder.HasIndex(i => i.DossierCode).IsUnique();
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.Property(i => i.Status).HasMaxLength(32);
        builder.Property(i => i.Outcome).HasMaxLength(32);
        builder.Property(i => i.ReceivingAgency).HasMaxLength(32);
        builder.Property(i => i.State).HasColumnType("jsonb");
        builder.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion, i.Status });
    }
}

internal sealed class WorkflowTaskRecordConfiguration : IEntityTypeConfiguration<WorkflowTaskRecord>
{
    private static readonly System.Linq.Expressions.Expression<Func<WorkflowTaskRecord, object?>> InboxColumns = t => new
    {
        t.Id, t.InstanceId, t.StepId, t.ProcedureId, t.SubmittedAt, t.Channel, t.DossierStatus, t.SearchText,
    };

    public void Configure(EntityTypeBuilder<WorkflowTaskRecord> builder)
    {
        builder.ToTable("workflow_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.DossierCode).HasMaxLength(64);
        builder.Property(t => t.StepId).HasMaxLength(100);
        builder.Property(t => t.Role).HasMaxLength(32);
        builder.Property(t => t.Agency).HasMaxLength(32);
        builder.Property(t => t.Department).HasMaxLength(32);
        builder.Property(t => t.AssignedTo).HasMaxLength(64);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        // The inbox reads two disjoint ranges: the tasks assigned to the official, and the claimable ones of their role and
        // department. Each index holds its range in the inbox's order (due date, then dossier) and carries every column the inbox
        // counts, filters and shows (the claimable one also its null assignee, which the counts read), so all of it is an index-only
        // scan (docs/PERFORMANCE.md, inbox).
        builder.HasIndex(t => new { t.AssignedTo, t.DueAt, t.DossierCode }, "ix_workflow_tasks_assigned")
            .HasDatabaseName("ix_workflow_tasks_assigned").HasFilter("assigned_to IS NOT NULL").IncludeProperties(InboxColumns);
        builder.HasIndex(t => new { t.Agency, t.Department, t.Role, t.DueAt, t.DossierCode }, "ix_workflow_tasks_claimable")
            .HasDatabaseName("ix_workflow_tasks_claimable").HasFilter("assigned_to IS NULL")
            .IncludeProperties(t => new { t.Id, t.InstanceId, t.StepId, t.ProcedureId, t.SubmittedAt, t.Channel, t.DossierStatus, t.SearchText, t.AssignedTo });
        builder.HasIndex(t => t.InstanceId);
        builder.HasIndex(t => t.DossierCode);

        // The dossier's facts the inbox filters on, copied by database triggers (see WorkflowTaskRecord): EF never writes them.
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16).ValueGeneratedOnAddOrUpdate();
        builder.Property(t => t.DossierStatus).HasConversion<string>().HasMaxLength(32).ValueGeneratedOnAddOrUpdate();
        builder.Property(t => t.ProcedureId).ValueGeneratedOnAddOrUpdate();
        builder.Property(t => t.SubmittedAt).ValueGeneratedOnAddOrUpdate();
        builder.Property(t => t.SearchText).ValueGeneratedOnAddOrUpdate();
        builder.HasIndex(t => t.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class WorkflowTimerRecordConfiguration : IEntityTypeConfiguration<WorkflowTimerRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowTimerRecord> builder)
    {
        builder.ToTable("workflow_timers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasMaxLength(32);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.DueAt);
        builder.HasIndex(t => t.InstanceId);
    }
}

internal sealed class WorkflowJournalRecordConfiguration : IEntityTypeConfiguration<WorkflowJournalRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalRecord> builder)
    {
        builder.ToTable("workflow_journal");
        builder.HasKey(j => new { j.InstanceId, j.Sequence });
        builder.Property(j => j.DossierCode).HasMaxLength(64);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(j => j.ActorId).HasMaxLength(64);
        builder.Property(j => j.ActorRole).HasMaxLength(32);
        builder.Property(j => j.ActorAddress).HasMaxLength(64);
        builder.Property(j => j.FromStep).HasMaxLength(100);
        builder.Property(j => j.ToStep).HasMaxLength(100);
        builder.Property(j => j.ActionId).HasMaxLength(100);
        builder.Property(j => j.ActionLabel).HasMaxLength(300);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.DossierCode, j.Sequence });
    }
}

internal sealed class WorkflowOutboxRecordConfiguration : IEntityTypeConfiguration<WorkflowOutboxRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowOutboxRecord> builder)
    {
        builder.ToTable("workflow_outbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).UseIdentityAlwaysColumn();
        builder.Property(o => o.DossierCode).HasMaxLength(64);
        builder.Property(o => o.Kind).HasMaxLength(32);
        builder.Property(o => o.Payload).HasColumnType("jsonb");
        builder.HasIndex(o => o.AvailableAt).HasFilter("delivered_at IS NULL");
        builder.HasIndex(o => o.InstanceId);
    }
}
