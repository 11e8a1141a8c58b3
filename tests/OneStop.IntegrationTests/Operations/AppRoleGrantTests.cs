using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Database;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// The GRANT statements docs/OPERATIONS.md gives the app's role, run as written on a migrated database: the app then works as that
/// role (a dossier submitted, accepted, its documents and mails delivered, its audit lines written), and the role can neither change
/// the schema nor change or remove a line of the audit log or the workflow journal.
/// </summary>
public sealed partial class AppRoleGrantTests : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private TestDatabase _database = null!;

    private string AppRole => $"onestop_app_{_suffix}";

    private string OwnerRole => $"onestop_owner_{_suffix}";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {AppRole}; DROP ROLE IF EXISTS {OwnerRole}", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_documented_grants_let_the_app_work_and_keep_the_audit_log_and_journal_append_only()
    {
        const string password = "app-role-test-password";
        await ExecuteAsync(_database.ConnectionString, DocumentedGrants()
            .Replace("onestop_app", AppRole, StringComparison.Ordinal)
            .Replace("onestop_owner", OwnerRole, StringComparison.Ordinal)
            .Replace("DATABASE onestop ", $"DATABASE \"{_database.Name}\" ", StringComparison.Ordinal)
            .Replace("'…'", $"'{password}'", StringComparison.Ordinal));
        var asApp = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = AppRole, Password = password }.ConnectionString;
        var mail = Path.Combine(Path.GetTempPath(), "onestop-grants-" + _suffix);

        await using (var host = new ServiceHost(_database, mailDirectory: mail, settings: new Dictionary<string, string?> { ["ConnectionStrings:OneStop"] = asApp }))
        {
            Assert.True((await host.InScopeAsync(s => DatabaseState.ReadAsync(s.GetRequiredService<OneStopDbContext>()))).Migrated);
            var scenario = new DossierScenario(host.Services);
            var dossier = await scenario.SubmitDrivingLicenceAsync();
            await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Đủ hồ sơ");
            Assert.True(await scenario.DeliverEffectsAsync() >= 0);
            Assert.True(await scenario.DeliverMailAsync() > 0);
            await using var db = _database.CreateContext();
            Assert.True(await db.AuditLog.AnyAsync());
            Assert.True(await db.IssuedDocuments.AnyAsync(d => d.DossierId == dossier.Id));
        }

        foreach (var forbidden in new[]
                 {
                     "UPDATE audit_log SET action = action",
                     "DELETE FROM audit_log",
                     "DELETE FROM workflow_journal",
                     "UPDATE workflow_journal SET comment = comment",
                     "DELETE FROM __ef_migrations_history",
                     "CREATE TABLE public.app_made_this (id int)",
                     "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                     "DROP TABLE dossiers",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(asApp, forbidden));
            Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{forbidden}: {refused.SqlState} {refused.MessageText}");
        }

        Directory.Delete(mail, recursive: true);
    }

    private static string DocumentedGrants()
    {
        var doc = File.ReadAllText(Path.Combine(CliRun.RepositoryRoot, "docs", "OPERATIONS.md"));
        return GrantsBlock().Match(doc) is { Success: true } block ? block.Groups[1].Value : throw new InvalidOperationException("no ```sql app-role-grants block");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("```sql app-role-grants\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GrantsBlock();
}
