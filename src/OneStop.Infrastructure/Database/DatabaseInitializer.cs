using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Database;

/// <summary>Applies the migrations and the reference data every installation needs (the roles).</summary>
public sealed class DatabaseInitializer(OneStopDbContext db)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await SquashedMigrations.RewriteHistoryAsync(db, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending)
        {
            // Statements this process prepared before the schema changed (DatabaseOptions.Effective) are not used again: a prepared
            // "SELECT *" over a table that gained a column would fail once ("cached plan must not change result type").
            await db.Database.CloseConnectionAsync();
            Npgsql.NpgsqlConnection.ClearPool((Npgsql.NpgsqlConnection)db.Database.GetDbConnection());
        }
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existing!))
        {
            db.Roles.Add(new OneStopRole(role!) { ConcurrencyStamp = Guid.NewGuid().ToString() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
