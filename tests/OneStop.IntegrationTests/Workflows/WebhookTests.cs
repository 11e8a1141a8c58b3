using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workflows;

public sealed class WebhookTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task A_configured_webhook_receives_a_signed_delivery_and_a_failing_one_is_retried_not_lost()
    {
        var received = new ConcurrentBag<(string Body, string? Signature, string? Delivery)>();
        var failFirst = 1;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Exchange(ref failFirst, 0) == 1)
            {
                return Results.StatusCode(503);
            }

            received.Add((body, context.Request.Headers["X-OneStop-Signature"], context.Request.Headers["X-OneStop-Delivery"]));
            return Results.Ok();
        });
        await receiver.StartAsync();
        var url = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        await using var host = new ServiceHost(fixture.Database, fixture.Clock, fixture.MailDirectory, new Dictionary<string, string?>
        {
            ["Workflows:Webhooks:vnpost-delivery:Url"] = url,
            ["Workflows:Webhooks:vnpost-delivery:Secret"] = "bi-mat",
        });
        var started = await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-HOOK-0001");
        var accepted = await WorkflowFixture.PerformAsync(host, started, "accept", WorkflowFixture.Counter);
        var submitted = await WorkflowFixture.PerformAsync(host, accepted, "submit", WorkflowFixture.Specialist);
        await WorkflowFixture.PerformAsync(host, submitted, "approve", WorkflowFixture.Leader);

        await host.InScopeAsync(sp => sp.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(100));
        Assert.Empty(received);
        await using (var db = fixture.Database.CreateContext())
        {
            var pending = await db.WorkflowOutbox.SingleAsync(o => o.DossierCode == "SGTVT-HOOK-0001" && o.Kind == "CallWebhook");
            Assert.Null(pending.DeliveredAt);
            Assert.Contains("503", pending.LastError, StringComparison.Ordinal);
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.InScopeAsync(sp => sp.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(100));

        var delivery = Assert.Single(received);
        Assert.Contains("SGTVT-HOOK-0001", delivery.Body, StringComparison.Ordinal);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("bi-mat"), Encoding.UTF8.GetBytes(delivery.Body)));
        Assert.Equal(expected, delivery.Signature);
        Assert.False(string.IsNullOrEmpty(delivery.Delivery));
        await receiver.StopAsync();
    }
}
