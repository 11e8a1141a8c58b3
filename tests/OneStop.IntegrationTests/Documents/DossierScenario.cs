using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Documents;

/// <summary>Drives a dossier through the real services of a running app, as the portal and the workspace will.</summary>
internal sealed class DossierScenario(IServiceProvider services)
{
    public async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public async Task<Dossier> SubmitDrivingLicenceAsync(string citizenEmail = DemoAccounts.Citizen)
    {
        var citizen = await UserIdAsync(citizenEmail);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("1.002804", null, new Applicant("Nguyễn Văn An", "020090001234", "0912 345 678", citizenEmail,
                "Số 12 đường Bà Triệu, phường Lương Văn Tri, tỉnh Lạng Sơn"), citizen, SubmissionChannel.Online,
                """{"licenceNumber":"200123456789","licenceClass":"B","deliverByPost":true}"""),
            DossierIntake.Citizen(citizen));
    }

    public async Task<WorkflowResult> ActAsync(Dossier dossier, string action, string officialEmail, string role, string department, string? comment = null)
    {
        var official = await UserIdAsync(officialEmail);
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var instance = (await engine.FindByDossierAsync(dossier.Code!))!;
        return await engine.PerformAsync(new PerformActionRequest(instance.Id, instance.OpenTasks.Single().Id, action,
            new WorkflowActor(official.ToString(), role, "SGTVT", department)) { Comment = comment });
    }

    public async Task<int> DeliverEffectsAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(1000);
    }
}
