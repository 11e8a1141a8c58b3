using OneStop.Benchmarks.Harness;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Definitions;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.Benchmarks.Workflow;

/// <summary>Drives dossiers from start to end on the OneStop engine, replaying one happy path of human actions.</summary>
internal sealed class OneStopDriver
{
    private static readonly WorkflowActor Applicant = new("citizen-1", WorkflowRoles.Citizen);
    private static readonly Dictionary<string, object?> FormData = new()
    {
        ["capital"] = 500_000_000m,
        ["applicantType"] = "individual",
        ["licenceClass"] = "B",
        ["deliverByPost"] = true,
    };

    private readonly WorkflowEngine _engine;
    private readonly string _definitionId;
    private readonly string _receivingAgency;
    private long _next;

    private OneStopDriver(WorkflowEngine engine, string definitionId, string receivingAgency)
    {
        _engine = engine;
        _definitionId = definitionId;
        _receivingAgency = receivingAgency;
    }

    /// <summary>The (step, action) pairs one dossier goes through, found by taking the first allowed action each time.</summary>
    public IReadOnlyList<(string Step, string Action)> Path { get; private set; } = [];

    /// <summary>State changes per dossier: the start plus one per action (automatic and end steps run inside the last one).</summary>
    public int TransitionsPerDossier => 1 + Path.Count;

    public static WorkflowDefinitionRegistry LoadDefinitions()
    {
        var registry = new WorkflowDefinitionRegistry();
        foreach (var file in Directory.GetFiles(RepoPaths.Workflows, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)))
            registry.Publish(WorkflowLoader.LoadValid(File.ReadAllText(file)));
        return registry;
    }

    public static async Task<OneStopDriver> CreateAsync(WorkflowDefinitionRegistry registry, IWorkflowStore store, string definitionId)
    {
        var definition = registry.FindLatest(definitionId) ?? throw new ArgumentException($"no workflow '{definitionId}' in {RepoPaths.Workflows}");
        var agency = definition.Steps.Select(s => s.Assignee?.Agency).FirstOrDefault(a => a is not null) ?? "P-LVT";
        var driver = new OneStopDriver(new WorkflowEngine(registry, store, new WorkingCalendar(), TimeProvider.System), definitionId, agency);
        driver.Path = await driver.DiscoverPathAsync().ConfigureAwait(false);
        return driver;
    }

    /// <summary>Runs one dossier from start to its end; returns the number of transitions.</summary>
    public async Task<int> RunDossierAsync()
    {
        var instance = await StartAsync().ConfigureAwait(false);
        foreach (var (step, action) in Path)
        {
            var task = instance.OpenTasks.First(t => t.StepId == step);
            instance = (await _engine.PerformAsync(Request(instance, task, action)).ConfigureAwait(false)).Instance;
        }

        if (instance.Status != InstanceStatus.Ended)
            throw new InvalidOperationException($"dossier {instance.DossierCode} did not end");
        return TransitionsPerDossier;
    }

    private async Task<IReadOnlyList<(string, string)>> DiscoverPathAsync()
    {
        var path = new List<(string, string)>();
        var instance = await StartAsync().ConfigureAwait(false);
        while (instance.Status != InstanceStatus.Ended)
        {
            if (path.Count > 100)
                throw new InvalidOperationException($"'{_definitionId}' did not end within 100 actions");
            var task = instance.OpenTasks[0];
            var action = (await _engine.ListAvailableActionsAsync(instance.Id, Official(task), FormData).ConfigureAwait(false))
                .First(a => a.TaskId == task.Id);
            path.Add((task.StepId, action.ActionId));
            instance = (await _engine.PerformAsync(Request(instance, task, action.ActionId)).ConfigureAwait(false)).Instance;
        }

        return path;
    }

    private async Task<WorkflowInstance> StartAsync()
    {
        var dossier = $"BENCH-{Interlocked.Increment(ref _next):000000000}";
        var request = new StartWorkflowRequest(dossier, _receivingAgency, Applicant) { DefinitionId = _definitionId, ApplicantId = Applicant.UserId };
        return (await _engine.StartAsync(request).ConfigureAwait(false)).Instance;
    }

    /// <summary>The action as an official's page sends it: with the version the page showed (the API's If-Match).</summary>
    private static PerformActionRequest Request(WorkflowInstance instance, WorkflowTask task, string action) =>
        new(instance.Id, task.Id, action, Official(task))
        {
            ExpectedVersion = instance.Version,
            Comment = "Hồ sơ đầy đủ, hợp lệ; đề nghị chuyển bước tiếp theo.",
            Files = ["ket-qua-tham-dinh.pdf"],
            FormData = FormData,
        };

    private static WorkflowActor Official(WorkflowTask task) =>
        task.Role == WorkflowRoles.Citizen
            ? Applicant
            : new WorkflowActor($"{task.Agency}/{task.Department}/{task.Role}/1", task.Role, task.Agency, task.Department);
}
