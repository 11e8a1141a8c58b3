using Microsoft.Extensions.DependencyInjection;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workflows;

/// <summary>A test database with the demo province and its published workflows, and helpers to drive instances.</summary>
public sealed class WorkflowFixture : IAsyncLifetime
{
    public static readonly WorkflowActor Counter = new("tiepnhan-sgtvt", "Reception", "SGTVT", "MOTCUA");
    public static readonly WorkflowActor Specialist = new("chuyenvien-qlpt", "Specialist", "SGTVT", "QLPT");
    public static readonly WorkflowActor Leader = new("lanhdao-sgtvt", "Leader", "SGTVT", "LANHDAO");

    public TestDatabase Database { get; private set; } = null!;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7)));

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "onestop-mail-" + Guid.NewGuid().ToString("N"));

    public ServiceHost NewHost() => new(Database, Clock, MailDirectory);

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public static Task<WorkflowResult> StartDrivingLicenceAsync(ServiceHost host, string dossierId, string? applicantId = null) =>
        host.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().StartAsync(
            new StartWorkflowRequest(dossierId, "SGTVT", Counter) { ProcedureCode = "1.002804", ApplicantId = applicantId }));

    public static Task<WorkflowResult> PerformAsync(ServiceHost host, WorkflowResult current, string action, WorkflowActor actor, string? comment = null) =>
        host.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().PerformAsync(
            new PerformActionRequest(current.Instance.Id, current.Instance.OpenTasks.Single().Id, action, actor) { Comment = comment }));
}
