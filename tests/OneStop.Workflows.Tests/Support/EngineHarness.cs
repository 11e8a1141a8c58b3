using OneStop.Workflows.Calendar;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Definitions;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.Workflows.Tests.Support;

internal sealed class EngineHarness
{
    public EngineHarness(DateTimeOffset? now = null)
    {
        Clock = new ManualTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        foreach (var file in RepoPaths.SampleFiles)
            Registry.Publish(WorkflowLoader.LoadValid(File.ReadAllText(file), DemoOrganisation.Catalog));
        Engine = new WorkflowEngine(Registry, Store, Calendar, Clock);
    }

    public ManualTimeProvider Clock { get; }

    public WorkflowDefinitionRegistry Registry { get; } = new(DemoOrganisation.Catalog);

    public InMemoryWorkflowStore Store { get; } = new();

    public WorkingCalendar Calendar { get; } = new();

    public WorkflowEngine Engine { get; }

    public static WorkflowActor Applicant { get; } = new("citizen-1", WorkflowRoles.Citizen);

    public static WorkflowActor OfficialFor(WorkflowTask task, string suffix = "a") =>
        task.Role == WorkflowRoles.Citizen
            ? Applicant
            : new WorkflowActor($"{task.Agency}/{task.Department}/{task.Role}/{suffix}", task.Role, task.Agency, task.Department);

    public async Task<WorkflowInstance> StartAsync(string definitionId, string? dossierCode = null)
    {
        var request = new StartWorkflowRequest(dossierCode ?? Guid.NewGuid().ToString("N"), DemoOrganisation.ReceivingAgency(definitionId), Applicant)
        {
            DefinitionId = definitionId,
            ApplicantId = Applicant.UserId,
        };
        return (await Engine.StartAsync(request)).Instance;
    }

    /// <summary>Performs the action on the single open task at the given step, as an eligible official.</summary>
    public async Task<WorkflowResult> ActAsync(WorkflowInstance instance, string stepId, string actionId,
        IReadOnlyDictionary<string, object?>? formData = null)
    {
        var current = await Engine.GetAsync(instance.Id) ?? throw new InvalidOperationException("gone");
        var task = current.OpenTasks.Single(t => t.StepId == stepId);
        return await Engine.PerformAsync(new PerformActionRequest(current.Id, task.Id, actionId, OfficialFor(task))
        {
            Comment = "Ý kiến xử lý",
            Files = ["tep-dinh-kem.pdf"],
            FormData = formData ?? new Dictionary<string, object?>(),
        });
    }
}
