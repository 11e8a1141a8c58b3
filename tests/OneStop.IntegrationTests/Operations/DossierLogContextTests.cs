using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Observability;
using OneStop.Testing;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.IntegrationTests.Operations;

/// <summary>How a unit of work learns its dossier from what it loads, in the host's pooled contexts.</summary>
public sealed class DossierLogContextTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task A_unit_that_loads_a_dossier_to_change_it_names_it_in_every_lease_of_a_pooled_context()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();

        // A returned context drops its change tracker's handlers: each lease (the pool hands back the same contexts) names it again.
        for (var lease = 0; lease < 3; lease++)
        {
            using (DossierLogContext.Begin())
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
                Assert.Null(DossierLogContext.Current);
                await db.Agencies.AsNoTracking().CountAsync();
                Assert.Null(DossierLogContext.Current);

                await db.Dossiers.SingleAsync(d => d.Id == dossier.Id);
                Assert.Equal(dossier.Code, DossierLogContext.Current);
            }
        }
    }

    [Fact]
    public async Task A_unit_that_loads_a_workflow_names_its_dossier()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        using (DossierLogContext.Begin())
        {
            await using var scope = app.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IWorkflowStore>();
            Assert.NotNull(await store.FindByDossierCodeAsync(dossier.Code!));
            Assert.Equal(dossier.Code, DossierLogContext.Current);
        }
    }
}
