using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>
/// Gives dossier codes AGENCY-yyMMdd-NNNN: the per-agency daily counter is incremented by an upsert inside the caller's
/// transaction, so concurrent submissions on any number of hosts queue on that row and a rolled-back submission leaves no gap.
/// </summary>
public sealed class DossierCodeGenerator(OneStopDbContext db, IUnitOfWork unitOfWork)
{
    private sealed record Next(int Last);

    public async Task<string> NextAsync(string agencyCode, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!unitOfWork.HasActiveTransaction)
        {
            throw new InvalidOperationException("Dossier codes are taken inside the transaction that saves the dossier.");
        }

        var day = VietnamTime.DateOf(at);
        var next = (await db.Database.SqlQuery<Next>($"""
            INSERT INTO dossier_code_counters (agency_code, day, last) VALUES ({agencyCode}, {day}, 1)
            ON CONFLICT (agency_code, day) DO UPDATE SET last = dossier_code_counters.last + 1
            RETURNING last
            """).ToListAsync(cancellationToken)).Single().Last;
        if (next > 9999)
        {
            throw new DomainException("dossier.code_exhausted", $"Cơ quan {agencyCode} đã tiếp nhận quá 9.999 hồ sơ trong ngày.");
        }

        return $"{agencyCode}-{day:yyMMdd}-{next:0000}";
    }
}
