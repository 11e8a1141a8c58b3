using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workflows;

/// <summary>
/// On a host that runs the background service, what an official's action promises (the receipt, the applicant's mail) is issued as
/// soon as the action commits, not at the next poll — and once.
/// </summary>
public sealed class ImmediateEffectsTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_receipt_of_an_accepted_dossier_is_issued_and_mailed_at_commit_without_waiting_for_the_poll()
    {
        // The poll runs once at start, then not for ten minutes: only the commit's wake-up can issue the receipt within the test.
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Workflows:BackgroundProcessing"] = "true", ["Workflows:PollSeconds"] = "600" })));
        var dossier = await new DossierScenario(host.Services).SubmitDrivingLicenceAsync();
        await Task.Delay(1000);
        var reception = host.CreateClient();
        var login = await reception.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.ReceptionSgtvt, password = DemoAccounts.Password });
        reception.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var before = DateTimeOffset.UtcNow;
        var view = await reception.GetAsync($"/api/v1/workspace/dossiers/{dossier.Id}");
        var task = (await view.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tasks")[0].GetProperty("taskId").GetString();
        using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workspace/dossiers/{dossier.Id}/tasks/{task}/actions/accept")
        {
            Content = JsonContent.Create(new { comment = "Đủ" }),
        };
        accept.Headers.IfMatch.Add(view.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await reception.SendAsync(accept)).StatusCode);

        var receipts = 0;
        var mailed = false;
        for (var waited = 0; (receipts == 0 || !mailed) && waited < 200; waited++)
        {
            await Task.Delay(100);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            receipts = await db.IssuedDocuments.CountAsync(d => d.DossierId == dossier.Id && d.Kind == "receipt");
            mailed = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM email_outbox WHERE sent_at IS NOT NULL AND created_at > {before}")
                .SingleAsync() > 0;
        }

        Assert.Equal(1, receipts);
        Assert.True(mailed, "the applicant's mail about the receipt was not sent at commit");
    }
}
