using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>
/// An applicant's own dossier is read by its primary key, also when PostgreSQL's statistics rate the applicant's index as selective
/// (most dossiers without an account, as after a legacy import) and the applicant owns thousands: with both in one WHERE the cached
/// plan walked every dossier of the benchmark's citizen for each look-up (PERFORMANCE.md, the tenth session).
/// </summary>
public sealed class OwnedDossierLookupTests
{
    private static readonly Guid Heavy = Guid.Parse("3814c8f0-9369-4f3e-a662-cc25258ed361");

    [Fact]
    public async Task The_lookup_of_an_own_dossier_reads_the_primary_key_when_the_statistics_favour_the_applicants_index()
    {
        await using var database = await TestDatabase.CreateAsync();
        var dossierId = await SeedSkewAsync(database);
        var spy = new CommandSpy();
        await using var db = Context(database, spy);

        Assert.NotNull(await db.FindOwnedAsync(dossierId, Heavy, tracked: false, CancellationToken.None));
        var lookup = Assert.Single(spy.Commands, c => c.Text.Contains("FROM dossiers", StringComparison.Ordinal));
        AssertReadsThePrimaryKey(await GenericPlanAsync(db, lookup));

        spy.Commands.Clear();
        Assert.True(await db.Dossiers.IsOwnedAsync(dossierId, Heavy, CancellationToken.None));
        lookup = Assert.Single(spy.Commands, c => c.Text.Contains("FROM dossiers", StringComparison.Ordinal));
        AssertReadsThePrimaryKey(await GenericPlanAsync(db, lookup));
    }

    [Fact]
    public async Task Someone_elses_dossier_is_not_found_and_not_left_tracked()
    {
        await using var database = await TestDatabase.CreateAsync();
        var dossierId = await SeedSkewAsync(database);
        await using var db = database.CreateContext();
        var stranger = Guid.NewGuid();

        Assert.Null(await db.FindOwnedAsync(dossierId, stranger, tracked: true, CancellationToken.None));
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.False(await db.Dossiers.IsOwnedAsync(dossierId, stranger, CancellationToken.None));
        Assert.Null(await db.FindOwnedAsync(Guid.NewGuid(), Heavy, tracked: false, CancellationToken.None));
        Assert.False(await db.Dossiers.IsOwnedAsync(Guid.NewGuid(), Heavy, CancellationToken.None));

        var own = await db.FindOwnedAsync(dossierId, Heavy, tracked: true, CancellationToken.None);
        Assert.NotNull(own);
        Assert.Equal(EntityState.Unchanged, db.Entry(own).State);
    }

    private static void AssertReadsThePrimaryKey(string plan)
    {
        Assert.Contains("using pk_dossiers", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("ix_dossiers_applicant_user_id_created_at", plan, StringComparison.Ordinal);
    }

    /// <summary>300 dossiers without an account, analysed; then 2,000 of one applicant the statistics have not seen.</summary>
    private static async Task<Guid> SeedSkewAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("""
            ALTER TABLE dossiers SET (autovacuum_enabled = false);
            SET session_replication_role = replica; -- rows without agencies, procedures or users to point at
            INSERT INTO dossiers (id, agency_id, applicant_user_id, channel, created_at, form_data, procedure_id, status,
                                  applicant_full_name, applicant_id_number)
            SELECT gen_random_uuid(), gen_random_uuid(), NULL, 'Counter', now(), '{{}}', gen_random_uuid(), 'Received', 'Nguyễn Văn A', '001'
            FROM generate_series(1, 300);
            ANALYZE dossiers;
            INSERT INTO dossiers (id, agency_id, applicant_user_id, channel, created_at, form_data, procedure_id, status,
                                  applicant_full_name, applicant_id_number)
            SELECT gen_random_uuid(), gen_random_uuid(), {0}, 'Online', now() + g * interval '1 second', '{{}}', gen_random_uuid(), 'Draft',
                   'Nguyễn Văn B', '002'
            FROM generate_series(1, 2000) g;
            RESET session_replication_role;
            """, Heavy);
        return await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM dossiers WHERE applicant_user_id = {Heavy} ORDER BY created_at LIMIT 1")
            .SingleAsync();
    }

    private static OneStopDbContext Context(TestDatabase database, CommandSpy spy)
    {
        var options = new DbContextOptionsBuilder<OneStopDbContext>();
        DatabaseOptions.Configure(options, database.ConnectionString);
        options.AddInterceptors(spy);
        return new OneStopDbContext(options.Options);
    }

    /// <summary>The generic plan of a captured command: its parameters as $1…$n, their values as literals PostgreSQL coerces.</summary>
    private static Task<string> GenericPlanAsync(OneStopDbContext db, Captured command)
    {
        var sql = command.Text;
        var names = command.Parameters.Select((p, i) => (p.Name, Position: i + 1)).OrderByDescending(p => p.Name.Length).ToList();
        foreach (var (name, position) in names)
        {
            sql = sql.Replace(name, $"${position}", StringComparison.Ordinal);
        }

        return GenericPlans.ExplainAsync(db, sql, string.Join(", ", command.Parameters.Select(p =>
            "'" + Convert.ToString(p.Value, CultureInfo.InvariantCulture)!.Replace("'", "''", StringComparison.Ordinal) + "'")));
    }

    private sealed record Captured(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

    private sealed class CommandSpy : DbCommandInterceptor
    {
        public List<Captured> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new Captured(command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName.StartsWith('@') ? p.ParameterName : "@" + p.ParameterName, p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
