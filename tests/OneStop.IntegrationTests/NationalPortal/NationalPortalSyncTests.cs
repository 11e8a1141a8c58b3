using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Testing;

namespace OneStop.IntegrationTests.NationalPortal;

/// <summary>Every status change of a dossier reaches the national portal (here its simulator) once, in order, through the outbox.</summary>
public sealed class NationalPortalSyncTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private NationalPortalSimulator Simulator => app.Services.GetRequiredService<NationalPortalSimulator>();

    [Fact]
    public async Task A_dossiers_whole_life_produces_exactly_the_expected_messages_in_order()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Hồ sơ đầy đủ");
        await scenario.ActAsync(dossier, "requestSupplement", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT", "Ảnh giấy khám sức khỏe bị mờ");
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/resubmit", new { comment = "Đã chụp lại giấy khám sức khỏe" })).EnsureSuccessStatusCode();
        var leader = await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt);
        var newDueAt = DateTimeOffset.UtcNow.AddDays(60);
        var apology = await leader.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "apology", comment = "Chờ xác minh của cơ quan cấp trước", newDueAt });
        Assert.Equal(HttpStatusCode.Created, apology.StatusCode);
        await scenario.DriveToEndAsync(dossier.Code!, new Dictionary<string, object?> { ["deliverByPost"] = true });

        await PortalAppFactory.DeliverAsync(app.Services);

        var messages = Simulator.For(dossier.Code!);
        Assert.Equal([PortalStatus.Received, PortalStatus.InProgress, PortalStatus.SupplementRequested, PortalStatus.InProgress,
            PortalStatus.LateWithApology, PortalStatus.Completed], messages.Select(m => m.Status));
        Assert.Equal([1, 2, 3, 4, 5, 6], messages.Select(m => m.Sequence));
        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(messages, m => Assert.Equal("1.002804", m.ProcedureCode));
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m.AgencyIdentifier)));
        Assert.All(messages, m => Assert.Null(m.NationalId));
        Assert.NotNull(messages[0].SubmittedAt);
        Assert.Null(messages[0].ReceivedAt);
        Assert.NotNull(messages[1].ReceivedAt);
        Assert.NotNull(messages[1].DueAt);
        Assert.NotNull(messages[4].NewDueAt);
        Assert.NotNull(messages[5].CompletedAt);
        await using var db = app.Database.CreateContext();
        Assert.All(await db.PortalOutbox.Where(m => m.DossierId == dossier.Id).ToListAsync(), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task A_rejected_and_a_withdrawn_dossier_end_with_their_own_message()
    {
        var scenario = new DossierScenario(app.Services);
        var rejected = await scenario.SubmitDrivingLicenceAsync();
        var withdrawn = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(rejected, "reject", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Giấy phép lái xe không do Lạng Sơn cấp");
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{withdrawn.Id}/withdraw", new { reason = "Đã gia hạn ở tỉnh khác" })).EnsureSuccessStatusCode();

        await PortalAppFactory.DeliverAsync(app.Services);

        Assert.Equal([PortalStatus.Received, PortalStatus.Rejected], Simulator.For(rejected.Code!).Select(m => m.Status));
        Assert.Equal([PortalStatus.Received, PortalStatus.Withdrawn], Simulator.For(withdrawn.Code!).Select(m => m.Status));
        Assert.All(Simulator.For(rejected.Code!).Concat(Simulator.For(withdrawn.Code!)).Where(m => m.Status != PortalStatus.Received),
            m => Assert.NotNull(m.CompletedAt));
    }

    [Fact]
    public async Task A_refused_message_is_retried_with_back_off_then_set_aside_with_its_reason_shown_on_the_console_and_retried_from_there()
    {
        var scenario = new DossierScenario(app.Services);
        await PortalAppFactory.DeliverAsync(app.Services);
        Simulator.RefuseWith = "Cổng đang bảo trì";
        Dossier dossier;
        try
        {
            dossier = await scenario.SubmitDrivingLicenceAsync();
            var waits = new List<TimeSpan>();
            for (var attempt = 1; attempt <= PortalAppFactory.MaxAttempts; attempt++)
            {
                var before = DateTimeOffset.UtcNow;
                Assert.Equal(0, await PortalAppFactory.DeliverAsync(app.Services));
                await using var db = app.Database.CreateContext();
                var message = await db.PortalOutbox.SingleAsync(m => m.DossierId == dossier.Id);
                Assert.Equal(attempt, message.Attempts);
                Assert.Contains("503", message.LastError, StringComparison.Ordinal);
                Assert.Contains("Cổng đang bảo trì", message.LastError, StringComparison.Ordinal);
                if (attempt < PortalAppFactory.MaxAttempts)
                {
                    Assert.Null(message.FailedAt);
                    waits.Add(message.AvailableAt - before);
                    // Not yet due: a poll now leaves it alone; then the test lets the back-off pass.
                    Assert.Equal(0, await PortalAppFactory.DeliverAsync(app.Services));
                    Assert.Equal(attempt, (await db.PortalOutbox.AsNoTracking().SingleAsync(m => m.Id == message.Id)).Attempts);
                    await db.PortalOutbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, DateTimeOffset.UtcNow));
                }
                else
                {
                    Assert.NotNull(message.FailedAt);
                }
            }

            Assert.True(waits[1] > waits[0], $"back-off should grow: {string.Join(", ", waits)}");
            Assert.Empty(Simulator.For(dossier.Code!));
        }
        finally
        {
            Simulator.RefuseWith = null;
        }

        var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await admin.SignInAsync(DemoAccounts.Admin);
        var console = await admin.GetStringAsync("/Admin/NationalPortal");
        Assert.Contains(dossier.Code!, console, StringComparison.Ordinal);
        Assert.Contains("Cổng đang bảo trì", console, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"failed\">[1-9]", console);
        Assert.Equal(0, await PortalAppFactory.DeliverAsync(app.Services));

        var retried = await admin.PostFormAsync("/Admin/NationalPortal?handler=Retry", new Dictionary<string, string>(), console);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await PortalAppFactory.DeliverAsync(app.Services);

        Assert.Equal([PortalStatus.Received], Simulator.For(dossier.Code!).Select(m => m.Status));
        var after = await admin.GetStringAsync("/Admin/NationalPortal");
        Assert.Contains("data-testid=\"failed\">0", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-failed\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_delivered_again_after_a_crash_is_recorded_once_by_the_receiver()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        await PortalAppFactory.DeliverAsync(app.Services);
        var deliveries = Simulator.Deliveries;
        await using (var db = app.Database.CreateContext())
        {
            // As if the host died after the portal answered but before the row was marked sent.
            await db.PortalOutbox.Where(m => m.DossierId == dossier.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null));
        }

        Assert.Equal(1, await PortalAppFactory.DeliverAsync(app.Services));

        Assert.Equal(deliveries + 1, Simulator.Deliveries);
        Assert.Single(Simulator.For(dossier.Code!));
    }
}
