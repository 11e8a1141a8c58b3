using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Payments;
using OneStop.Infrastructure.Payments;
using OneStop.IntegrationTests.Portal;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>Payments:Provider=None (what a province without a contracted gateway sets): no online payment, no simulated bank.</summary>
public sealed class PaymentsOffTests(PaymentsOffTests.App app) : IClassFixture<PaymentsOffTests.App>
{
    public sealed class App : OneStopAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Payments:Provider"] = "None" }));
        }
    }

    [Fact]
    public async Task Starting_a_payment_is_refused_with_a_Vietnamese_problem_and_nothing_is_recorded()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var (id, _) = await CitizenDossierBuilder.SubmittedAsync(citizen);

        var response = await citizen.PostAsync($"/api/v1/dossiers/{id}/payments", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("tại Bộ phận tiếp nhận và trả kết quả", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/payments")).EnumerateArray());
    }

    [Fact]
    public async Task The_simulated_bank_and_callbacks_signed_with_its_committed_key_are_refused()
    {
        var bank = app.Services.GetRequiredService<SimulatedPaymentProvider>();
        var callback = bank.Callback(Guid.NewGuid(), PaymentOutcome.Succeeded, 135000);
        var client = app.CreateClient();

        var page = await client.GetAsync(SimulatedPaymentProvider.CallbackUrl(SimulatedPaymentProvider.BankPath,
            new Dictionary<string, string> { ["paymentId"] = Guid.NewGuid().ToString(), ["amount"] = "1", ["returnUrl"] = "/", ["signature"] = new string('0', 64) }).ToString());
        var api = await client.PostAsync(SimulatedPaymentProvider.CallbackUrl("/api/v1/payments/callback", callback).ToString(), null);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
