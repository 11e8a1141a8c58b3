using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Core.Common;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Procedures;

/// <summary>
/// Procedure versions: the version in force at an instant is the highest-numbered one whose effective date has come; the
/// procedures row mirrors it for the catalogue and is brought up to date when a scheduled version's date arrives.
/// </summary>
public sealed class ProcedureVersions(OneStopDbContext db, TimeProvider clock)
{
    /// <summary>The version in force at the instant; a procedure that never had one gets version 1 from its current row.</summary>
    public async Task<ProcedureVersion> InForceAsync(Guid procedureId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // A procedure has its baseline version once anything was asked of it: only the first question writes it.
        if (await InForceOrNullAsync(procedureId, at, cancellationToken) is { } version)
        {
            return version;
        }

        await EnsureBaselineAsync(procedureId, cancellationToken);
        return await InForceOrNullAsync(procedureId, at, cancellationToken)
            ?? throw new InvalidOperationException($"Procedure {procedureId} has no version in force at {at:O}.");
    }

    private Task<ProcedureVersion?> InForceOrNullAsync(Guid procedureId, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureId == procedureId && v.EffectiveFrom <= at)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);

    public Task<List<ProcedureVersion>> ListAsync(Guid procedureId, CancellationToken cancellationToken = default) =>
        db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureId == procedureId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>Adds a new procedure (unpublished) with its version 1 in force from now.</summary>
    public async Task<Procedure> CreateAsync(string code, ProcedureTerms terms, string? createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var now = clock.GetUtcNow();
        var procedure = new Procedure(code, terms.Name, terms.FieldId, terms.AgencyId, terms.Level, terms.Fee, terms.ProcessingDays, terms.WorkflowId);
        procedure.Deactivate();
        var version = new ProcedureVersion(procedure.Id, 1, terms, now, now, createdBy);
        procedure.Apply(version);
        db.Procedures.Add(procedure);
        db.ProcedureVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("procedure.code_taken", $"Đã có thủ tục mã {procedure.Code}.");
        }

        return procedure;
    }

    /// <summary>Records new terms as the next version, in force from the given instant (now when it has passed).</summary>
    public async Task<ProcedureVersion> AddAsync(Guid procedureId, ProcedureTerms terms, DateTimeOffset effectiveFrom, string? createdBy,
        CancellationToken cancellationToken = default)
    {
        await EnsureBaselineAsync(procedureId, cancellationToken);
        var now = clock.GetUtcNow();
        var procedure = await db.Procedures.SingleAsync(p => p.Id == procedureId, cancellationToken);
        var number = await db.ProcedureVersions.Where(v => v.ProcedureId == procedureId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var version = new ProcedureVersion(procedureId, number + 1, terms, effectiveFrom < now ? now : effectiveFrom, now, createdBy);
        db.ProcedureVersions.Add(version);
        if (version.EffectiveFrom <= now)
        {
            procedure.Apply(version);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("procedure.changed", "Thủ tục vừa được người khác sửa. Vui lòng tải lại trang rồi lưu lại.");
        }

        return version;
    }

    /// <summary>Brings every procedure row up to the version now in force; returns how many changed. Safe on every host at once.</summary>
    public async Task<int> ApplyDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await (from v in db.ProcedureVersions
                         join p in db.Procedures on v.ProcedureId equals p.Id
                         where v.EffectiveFrom <= now && v.Number > p.CurrentVersion
                         select v.Id).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var procedureId in await db.ProcedureVersions.Where(v => due.Contains(v.Id)).Select(v => v.ProcedureId).Distinct().ToListAsync(cancellationToken))
        {
            var version = await db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureId == procedureId && v.EffectiveFrom <= now)
                .OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
            var procedure = await db.Procedures.SingleAsync(p => p.Id == procedureId, cancellationToken);
            procedure.Apply(version);
            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>Records version 1 from the row when the procedure has no version yet (idempotent, safe inside a transaction).</summary>
    public Task EnsureBaselineAsync(Guid procedureId, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO procedure_versions (id, procedure_id, number, effective_from, created_at, created_by, name, field_id, agency_id,
                                            level, fee, processing_days, workflow_id, required_documents, form_schema, result_template)
            SELECT gen_random_uuid(), p.id, 1, TIMESTAMPTZ '2000-01-01 00:00:00+00', now(), 'system', p.name, p.field_id, p.agency_id,
                   p.level, p.fee, p.processing_days, p.workflow_id, p.required_documents, p.form_schema, p.result_template
            FROM procedures p
            WHERE p.id = {procedureId} AND NOT EXISTS (SELECT 1 FROM procedure_versions v WHERE v.procedure_id = p.id)
            ON CONFLICT DO NOTHING;
            UPDATE procedures SET current_version = 1 WHERE id = {procedureId} AND current_version = 0;
            """, cancellationToken);
}
