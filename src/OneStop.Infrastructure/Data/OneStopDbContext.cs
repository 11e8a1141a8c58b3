using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Core.Organisation;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Data.Configurations;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Notifications;
using OneStop.Infrastructure.Workflows.Entities;

namespace OneStop.Infrastructure.Data;

/// <summary>The one database of OneStop.</summary>
public sealed class OneStopDbContext : IdentityDbContext<OneStopUser, OneStopRole, Guid>, IDataProtectionKeyContext
{
    /// <summary>
    /// EF Core's automatic savepoints are off: inside a transaction every SaveChanges would otherwise cost two more round trips
    /// (SAVEPOINT before, RELEASE after: twelve of an online submission's round trips). A failed save aborts the transaction and the use case rolls it back
    /// whole; the few places that go on after a refused write (a duplicate upload or draft, an outbox effect that failed) make their
    /// own named savepoint around exactly that write.
    /// </summary>
    public OneStopDbContext(DbContextOptions<OneStopDbContext> options)
        : base(options) => Database.AutoSavepointsEnabled = false;

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();

    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();

    public DbSet<WorkflowTaskRecord> WorkflowTasks => Set<WorkflowTaskRecord>();

    public DbSet<WorkflowTimerRecord> WorkflowTimers => Set<WorkflowTimerRecord>();

    public DbSet<WorkflowJournalRecord> WorkflowJournal => Set<WorkflowJournalRecord>();

    public DbSet<WorkflowOutboxRecord> WorkflowOutbox => Set<WorkflowOutboxRecord>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Email.OutgoingEmail> EmailOutbox => Set<Email.OutgoingEmail>();

    public DbSet<NationalPortal.PortalMessage> PortalOutbox => Set<NationalPortal.PortalMessage>();

    public DbSet<NationalPortal.PortalDossier> PortalDossiers => Set<NationalPortal.PortalDossier>();

    public DbSet<Field> Fields => Set<Field>();

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierCodeCounter> DossierCodeCounters => Set<DossierCodeCounter>();

    public DbSet<DossierAttachment> DossierAttachments => Set<DossierAttachment>();

    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();

    /// <summary>The citizens' document stores (kho dữ liệu điện tử).</summary>
    public DbSet<StoredDocument> StoredDocuments => Set<StoredDocument>();

    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();

    public DbSet<Audit.AuditEntry> AuditLog => Set<Audit.AuditEntry>();

    public DbSet<ServiceCounter> ServiceCounters => Set<ServiceCounter>();

    public DbSet<Officials.TaskReassignment> TaskReassignments => Set<Officials.TaskReassignment>();

    public DbSet<OneStop.Core.Payments.Payment> Payments => Set<OneStop.Core.Payments.Payment>();

    public DbSet<DossierRating> DossierRatings => Set<DossierRating>();

    public DbSet<Settings.AppSetting> AppSettings => Set<Settings.AppSetting>();

    public DbSet<Settings.CalendarYear> CalendarYears => Set<Settings.CalendarYear>();

    public DbSet<Signing.SigningCredential> SigningCredentials => Set<Signing.SigningCredential>();

    public DbSet<Signing.SigningTrustAnchor> SigningTrustAnchors => Set<Signing.SigningTrustAnchor>();

    public DbSet<Signing.PendingSignature> PendingSignatures => Set<Signing.PendingSignature>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("pg_trgm");
        builder.HasDbFunction(typeof(SearchText).GetMethod(nameof(SearchText.Normalize))!).HasName("f_search_text").HasSchema("public");
        IdentityTablesConfiguration.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OneStopDbContext).Assembly);
    }
}
