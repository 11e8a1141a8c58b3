using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Admin;

public sealed partial class AuditLogTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Theory]
    [InlineData("UPDATE audit_log SET action = 'forged'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    public async Task The_database_refuses_to_change_or_remove_audit_rows(string sql)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO audit_log (at, user_name, action, entity_type, entity_id) VALUES (now(), 'test', 'Test.Created', 'Test', '1')", connection))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrative_change_is_logged_with_who_before_after_and_is_found_on_the_audit_page()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var lockForm = await admin.FormAsync("/Admin/Users?q=hoang+thi+mai", "form[action$='handler=Lock']");
        var id = lockForm["id"]!;
        await lockForm.PostAsync(admin);

        await using var db = app.Database.CreateContext();
        var line = await db.AuditLog.AsNoTracking().Where(a => a.EntityType == "User" && a.EntityId == id).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("User.Updated", line.Action);
        Assert.Equal(DemoAccounts.Admin, line.UserName);
        Assert.Contains("LockoutEnd", line.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", line.After!, StringComparison.Ordinal);

        var page = await admin.GetStringAsync($"/Admin/Audit?user=admin%40&entity=User&entityId={id}");
        Assert.Contains("User.Updated", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_dossier_action_is_logged_and_searchable_by_dossier()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.ActAsync(dossier, "submit", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT", "Đủ điều kiện");

        await using var db = app.Database.CreateContext();
        var lines = await db.AuditLog.AsNoTracking().Where(a => a.DossierId == dossier.Code).OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(lines, a => a.Action == "dossier.started");
        var accept = Assert.Single(lines, a => a.Action == "dossier.accept");
        Assert.Equal(await scenario.UserIdAsync(DemoAccounts.ReceptionSgtvt), accept.UserId);
        Assert.Contains(lines, a => a.Action == "dossier.submit" && a.After!.Contains("Đủ điều kiện", StringComparison.Ordinal));
        Assert.Contains(lines, a => a.Action == "Dossier.Updated" && a.After!.Contains("InProgress", StringComparison.Ordinal));

        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var page = await admin.GetStringAsync($"/Admin/Audit?dossier={dossier.Code}");
        Assert.Contains("dossier.accept", page, StringComparison.Ordinal);
        Assert.Contains("dossier.submit", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_filters_by_person_and_dates_and_pages_through_results()
    {
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO audit_log (at, user_name, action, entity_type, entity_id)
                SELECT TIMESTAMPTZ '2026-03-10 09:00:00+07' + make_interval(mins => n), 'bulk.officer@demo.onestop.vn', 'Agency.Updated', 'Agency', n::text
                FROM generate_series(1, 60) AS n;
                INSERT INTO audit_log (at, user_name, action, entity_type, entity_id)
                VALUES (TIMESTAMPTZ '2026-03-12 09:00:00+07', 'bulk.officer@demo.onestop.vn', 'Agency.Deleted', 'Agency', 'late');
                """, connection);
            await insert.ExecuteNonQueryAsync();
        }

        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var first = await admin.GetStringAsync("/Admin/Audit?user=bulk.officer&from=2026-03-10&to=2026-03-11");
        Assert.Contains("60 dòng nhật ký", first, StringComparison.Ordinal);
        Assert.Equal(50, Regex.Count(first, "data-action=\"Agency.Updated\""));
        Assert.DoesNotContain("Agency.Deleted", first, StringComparison.Ordinal);
        Assert.Contains("p=2", first, StringComparison.Ordinal);

        var second = await admin.GetStringAsync("/Admin/Audit?user=bulk.officer&from=2026-03-10&to=2026-03-11&p=2");
        Assert.Equal(10, Regex.Count(second, "data-action=\"Agency.Updated\""));
        Assert.Contains("Agency.Deleted", await admin.GetStringAsync("/Admin/Audit?user=bulk.officer&from=2026-03-12"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reversed_date_range_is_explained_not_a_server_error()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var response = await admin.GetAsync("/Admin/Audit?from=2026-05-02&to=2026-05-01&p=abc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Citizen)]
    [InlineData(DemoAccounts.LeaderSgtvt)]
    public async Task Non_administrators_get_403_on_the_audit_log(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Audit")).StatusCode);
    }
}
