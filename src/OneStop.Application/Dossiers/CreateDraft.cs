using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;

namespace OneStop.Application.Dossiers;

/// <summary>The applicant's form data, the procedure and (for a procedure every commune handles) the commune chosen.</summary>
public sealed record CreateDraftCommand(string ProcedureCode, string? AgencyCode, string FormDataJson, string? IdempotencyKey = null);

/// <summary>Starts a draft for the signed-in citizen; the same idempotency key finds the draft it made before.</summary>
public sealed class CreateDraft(OneStopDbContext db, ICurrentUser user, DossierIntake intake, TimeProvider clock, IUnitOfWork unitOfWork)
    : UseCase<CreateDraftCommand, Dossier>(unitOfWork)
{
    // Read for every draft: compiled (CompiledQueries says why).
    private static readonly CompiledQuery<string, Core.Procedures.Procedure?> ActiveProcedure =
        new((db, code, _) => db.Procedures.AsNoTracking().SingleOrDefault(p => p.Code == code && p.IsActive));

    private static readonly CompiledQuery<Guid, Infrastructure.Identity.OneStopUser> Account =
        new((db, id, _) => db.Users.AsNoTracking().Single(u => u.Id == id));

    protected override async Task<Dossier> RunAsync(CreateDraftCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        if (command.IdempotencyKey is { Length: > 100 })
        {
            throw new DomainException("idempotency.key_too_long", "Idempotency-Key tối đa 100 ký tự.");
        }

        if (await EarlierAsync(userId, command.IdempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var procedure = await ActiveProcedure.RunAsync(db, command.ProcedureCode, cancellationToken)
            ?? throw new NotFoundException($"Không có thủ tục mã {command.ProcedureCode} đang tiếp nhận hồ sơ.");
        var agencyId = await intake.ReceivingAgencyAsync(procedure, command.AgencyCode, cancellationToken);
        var account = await Account.RunAsync(db, userId, cancellationToken);
        var applicant = new Applicant(account.FullName, account.IdNumber, account.PhoneNumber, account.Email, account.Address);
        var draft = Dossier.Draft(procedure.Id, agencyId, applicant, userId, command.FormDataJson, clock.GetUtcNow(), command.IdempotencyKey);
        db.Dossiers.Add(draft);
        if (command.IdempotencyKey is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return draft;
        }

        // With a key, the same request may arrive twice at once: only then is the insert guarded by a savepoint to go back to.
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync("draft", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same request arrived twice at the same moment: the other one created it.
            await transaction.RollbackToSavepointAsync("draft", cancellationToken);
            db.ChangeTracker.Clear();
            return (await EarlierAsync(userId, command.IdempotencyKey, cancellationToken))!;
        }

        return draft;
    }

    private Task<Dossier?> EarlierAsync(Guid userId, string? key, CancellationToken cancellationToken) =>
        key is null ? Task.FromResult<Dossier?>(null)
            : db.Dossiers.SingleOrDefaultAsync(d => d.ApplicantUserId == userId && d.IdempotencyKey == key, cancellationToken);
}
