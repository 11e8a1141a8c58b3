using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Procedures;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Admin;

public sealed class ProcedureVersionTests : IAsyncLifetime
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Vietnam));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_dossier_keeps_the_version_it_was_submitted_under_and_a_scheduled_change_starts_on_its_date()
    {
        await using var host = new ServiceHost(_database, _clock);
        var first = await SubmitAsync(host);
        var procedure = await host.InScopeAsync(sp => sp.GetRequiredService<OneStopDbContext>().Procedures.AsNoTracking().SingleAsync(p => p.Code == "1.002804"));
        var changed = procedure.Terms with
        {
            Fee = 200_000m,
            ProcessingDays = 8,
            FormSchema = [.. procedure.FormSchema, new FormField("ghiChu", "Ghi chú", FormFieldType.Text)],
        };

        var scheduled = await host.InScopeAsync(sp => sp.GetRequiredService<ProcedureVersions>()
            .AddAsync(procedure.Id, changed, new DateTimeOffset(2026, 12, 10, 0, 0, 0, Vietnam), "admin@demo.onestop.vn"));
        _clock.Advance(TimeSpan.FromDays(4));
        var before = await SubmitAsync(host);
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<ProcedureVersions>().ApplyDueAsync()));
        _clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<ProcedureVersions>().ApplyDueAsync()));
        var after = await SubmitAsync(host);

        await using var db = _database.CreateContext();
        var row = await db.Procedures.SingleAsync(p => p.Code == "1.002804");
        Assert.Equal((200_000m, 8, 2), (row.Fee, row.ProcessingDays, row.CurrentVersion));
        Assert.Equal("ghiChu", row.FormSchema[^1].Name);
        var versionOf = await db.Dossiers.Where(d => d.Id == first.Id || d.Id == before.Id || d.Id == after.Id)
            .Join(db.ProcedureVersions, d => d.ProcedureVersionId, v => v.Id, (d, v) => new { d.Id, v.Number, v.Fee, v.ProcessingDays, Fields = v.FormSchema })
            .ToDictionaryAsync(x => x.Id);
        Assert.Equal((1, 135_000m, 5), (versionOf[first.Id].Number, versionOf[first.Id].Fee, versionOf[first.Id].ProcessingDays));
        Assert.Equal(1, versionOf[before.Id].Number);
        Assert.DoesNotContain(versionOf[first.Id].Fields, f => f.Name == "ghiChu");
        Assert.Equal((2, 200_000m, 8), (versionOf[after.Id].Number, versionOf[after.Id].Fee, versionOf[after.Id].ProcessingDays));
        Assert.Equal(scheduled.Id, await db.Dossiers.Where(d => d.Id == after.Id).Select(d => d.ProcedureVersionId).SingleAsync());
    }

    [Fact]
    public async Task A_change_in_force_today_applies_at_once_and_the_receipt_of_an_older_dossier_keeps_its_deadline()
    {
        await using var host = new ServiceHost(_database, _clock);
        var older = await SubmitAsync(host);
        var procedure = await host.InScopeAsync(sp => sp.GetRequiredService<OneStopDbContext>().Procedures.AsNoTracking().SingleAsync(p => p.Code == "1.002804"));

        await host.InScopeAsync(sp => sp.GetRequiredService<ProcedureVersions>().AddAsync(procedure.Id, procedure.Terms with { ProcessingDays = 12 }, _clock.GetUtcNow(), null));

        await using var db = _database.CreateContext();
        Assert.Equal(12, (await db.Procedures.SingleAsync(p => p.Id == procedure.Id)).ProcessingDays);
        var version = await db.Dossiers.Where(d => d.Id == older.Id).Join(db.ProcedureVersions, d => d.ProcedureVersionId, v => v.Id, (d, v) => v).SingleAsync();
        var asSubmitted = procedure.AsVersion(version);
        Assert.Equal(5, asSubmitted.ProcessingDays);
    }

    private static Task<Dossier> SubmitAsync(ServiceHost host) => host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OneStopDbContext>();
        var citizen = await db.Users.Where(u => u.Email == DemoAccounts.Citizen).Select(u => u.Id).SingleAsync();
        return await sp.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("1.002804", null, new Applicant("Nguyễn Văn An", "020090001234", "0912345678", DemoAccounts.Citizen, "Lạng Sơn"), citizen,
                SubmissionChannel.Online, """{"licenceNumber":"200123456789","licenceClass":"B"}"""),
            DossierIntake.Citizen(citizen));
    });
}
