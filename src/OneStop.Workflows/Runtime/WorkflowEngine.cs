using OneStop.Core.Common;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.Definitions;
using OneStop.Workflows.Runtime.Engine;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.Workflows.Runtime;

/// <summary>The OneStop workflow engine: pure transitions over state loaded from and saved to an <see cref="IWorkflowStore"/>.</summary>
public sealed class WorkflowEngine(
    IWorkflowDefinitionRegistry definitions,
    IWorkflowStore store,
    WorkingCalendar calendar,
    TimeProvider clock) : IWorkflowEngine
{
    private static readonly IReadOnlyDictionary<string, object?> NoData = new Dictionary<string, object?>();

    public async Task<WorkflowResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = ResolveForStart(request);
        var instance = new WorkflowInstance(request.InstanceId ?? Guid.NewGuid(), request.DossierCode, definition.Id, definition.Version,
            request.ReceivingAgency, request.ApplicantId)
        {
            Version = 1,
            StartedAt = clock.GetUtcNow().ToOffset(VietnamTime.Offset),
        };
        var t = new Transition(instance, definition, instance.StartedAt, calendar) { ActorUserId = request.StartedBy.UserId };
        t.Journal(new JournalEntry { Kind = JournalKind.Started, ActorId = request.StartedBy.UserId, ActorRole = request.StartedBy.Role, ActorAddress = request.StartedBy.Address, ToStep = definition.StartStepId });
        SlaClock.StartTotal(t);
        StepRunner.Enter(t, definition.StartStepId, null, null, null);
        await store.InsertAsync(instance, t.Effects, cancellationToken).ConfigureAwait(false);
        return new WorkflowResult(instance, t.Effects);
    }

    public Task<WorkflowInstance?> GetAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        store.LoadAsync(instanceId, cancellationToken);

    public Task<WorkflowInstance?> FindByDossierCodeAsync(string dossierCode, CancellationToken cancellationToken = default) =>
        store.FindByDossierCodeAsync(dossierCode, cancellationToken);

    public Task<WorkflowInstance?> GetAsync(Guid instanceId, long expectedVersion, CancellationToken cancellationToken = default) =>
        store.LoadExpectedAsync(instanceId, expectedVersion, cancellationToken);

    public IReadOnlyList<AvailableAction> ListAvailableActions(WorkflowInstance instance, WorkflowActor actor,
        IReadOnlyDictionary<string, object?>? formData = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ActionPolicy.List(instance, DefinitionOf(instance), actor, formData ?? NoData);
    }

    public async Task<IReadOnlyList<AvailableAction>> ListAvailableActionsAsync(Guid instanceId, WorkflowActor actor,
        IReadOnlyDictionary<string, object?>? formData = null, CancellationToken cancellationToken = default) =>
        ListAvailableActions(await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false), actor, formData);

    public Task<WorkflowResult> PerformAsync(PerformActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(request.InstanceId, request.ExpectedVersion, t => ActionRunner.Perform(t, request), cancellationToken, request.Actor.UserId);
    }

    public Task<WorkflowResult> ClaimAsync(Guid instanceId, Guid taskId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(instanceId, null, t => ActionRunner.Claim(t, taskId, actor), cancellationToken);

    public Task<WorkflowResult> AssignAsync(Guid instanceId, Guid taskId, string assigneeUserId, WorkflowActor actor,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(instanceId, null, t => ActionRunner.Assign(t, taskId, assigneeUserId, actor), cancellationToken);

    public async Task<WorkflowResult> ProcessTimerAsync(Guid instanceId, Guid timerId, CancellationToken cancellationToken = default)
    {
        var instance = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var t = new Transition(instance, DefinitionOf(instance), Now(), calendar);
        if (!TimerRunner.Fire(t, timerId))
            return new WorkflowResult(instance, []);
        return await SaveAsync(t, cancellationToken).ConfigureAwait(false);
    }

    public Task<WorkflowResult> WithdrawAsync(Guid instanceId, WorkflowActor applicant, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(instanceId, null, t => Withdrawal.Withdraw(t, applicant, reason), cancellationToken, applicant?.UserId);

    public Task<WorkflowResult> RecordApologyAsync(Guid instanceId, WorkflowActor actor, DateTimeOffset newDueAt, string reason,
        IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(instanceId, null, t => t.Journal(new JournalEntry
        {
            Kind = JournalKind.Apologised,
            ActorId = actor.UserId,
            ActorRole = actor.Role,
            ActorAddress = actor.Address,
            FromStep = t.Instance.OpenTasks.OrderBy(x => x.DueAt).FirstOrDefault()?.StepId,
            Comment = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Hẹn trả kết quả mới: {newDueAt.ToOffset(VietnamTime.Offset):dd/MM/yyyy}. Lý do: {reason}"),
            Documents = [.. documents],
        }), cancellationToken);
    }

    public Task<WorkflowResult> RecordDocumentReissuedAsync(Guid instanceId, WorkflowActor actor, string documentKind, string reason,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAnyAsync(instanceId, t => t.Journal(new JournalEntry
        {
            Kind = JournalKind.DocumentReissued,
            ActorId = actor.UserId,
            ActorRole = actor.Role,
            ActorAddress = actor.Address,
            Comment = reason,
            Documents = [documentKind],
        }), cancellationToken);
    }

    public Task<WorkflowResult> RecordAttachmentCertifiedAsync(Guid instanceId, WorkflowActor actor, long? expectedVersion, string what,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(instanceId, expectedVersion, t => t.Journal(new JournalEntry
        {
            Kind = JournalKind.AttachmentCertified,
            ActorId = actor.UserId,
            ActorRole = actor.Role,
            ActorAddress = actor.Address,
            FromStep = t.Instance.OpenTasks.OrderBy(x => x.DueAt).FirstOrDefault()?.StepId,
            Comment = what,
        }), cancellationToken, actor.UserId);
    }

    public Task<WorkflowResult> RecordRemoteSigningAsync(Guid instanceId, JournalKind kind, WorkflowActor? actor, string documentKind, string comment,
        CancellationToken cancellationToken = default)
    {
        if (kind is not (JournalKind.RemoteSigningCompleted or JournalKind.RemoteSigningFailed or JournalKind.RemoteSigningRetried))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a remote-signing journal kind.");
        }

        return ChangeAnyAsync(instanceId, t => t.Journal(new JournalEntry
        {
            Kind = kind,
            ActorId = actor?.UserId,
            ActorRole = actor?.Role,
            ActorAddress = actor?.Address,
            Comment = comment,
            Documents = [documentKind],
        }), cancellationToken);
    }

    public Task<WorkflowResult> MigrateAsync(MigrateInstanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(request.InstanceId, null, t =>
        {
            var target = definitions.Find(t.Instance.DefinitionId, request.TargetVersion) ?? throw new WorkflowNotFoundException(
                $"Workflow '{t.Instance.DefinitionId}' v{request.TargetVersion} is not published.",
                $"Chưa ban hành quy trình '{t.Instance.DefinitionId}' phiên bản {request.TargetVersion}.");
            Migrator.Migrate(t, target, request);
        }, cancellationToken);
    }

    private async Task<WorkflowResult> ChangeAsync(Guid instanceId, long? expectedVersion, Action<Transition> change, CancellationToken cancellationToken,
        string? actorUserId = null)
    {
        var instance = expectedVersion is { } known
            ? await store.LoadExpectedAsync(instanceId, known, cancellationToken).ConfigureAwait(false) ?? throw NotFound(instanceId)
            : await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (expectedVersion is { } expected && expected != instance.Version)
            throw WorkflowConflictException.StaleVersion(instanceId);
        if (instance.Status == InstanceStatus.Ended)
            throw new ActionNotAllowedException("ended", $"Workflow instance {instanceId} has ended.", "Hồ sơ đã kết thúc xử lý.");
        var t = new Transition(instance, DefinitionOf(instance), Now(), calendar) { ActorUserId = actorUserId };
        change(t);
        return await SaveAsync(t, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A change that is journaled even after the instance ended (a document of a closed dossier may still be corrected).</summary>
    private async Task<WorkflowResult> ChangeAnyAsync(Guid instanceId, Action<Transition> change, CancellationToken cancellationToken)
    {
        var instance = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var t = new Transition(instance, DefinitionOf(instance), Now(), calendar);
        change(t);
        return await SaveAsync(t, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WorkflowResult> SaveAsync(Transition t, CancellationToken cancellationToken)
    {
        var expected = t.Instance.Version;
        t.Instance.Version = expected + 1;
        await store.SaveAsync(t.Instance, expected, t.Effects, cancellationToken).ConfigureAwait(false);
        return new WorkflowResult(t.Instance, t.Effects);
    }

    private async Task<WorkflowInstance> LoadAsync(Guid instanceId, CancellationToken cancellationToken) =>
        await store.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(instanceId);

    private static WorkflowNotFoundException NotFound(Guid instanceId) =>
        new($"Workflow instance {instanceId} does not exist.", "Không tìm thấy quy trình xử lý của hồ sơ.");

    private WorkflowDefinition DefinitionOf(WorkflowInstance instance) =>
        definitions.Find(instance.DefinitionId, instance.DefinitionVersion) ?? throw new WorkflowNotFoundException(
            $"Workflow '{instance.DefinitionId}' v{instance.DefinitionVersion} is not published.",
            $"Không tìm thấy quy trình '{instance.DefinitionId}' phiên bản {instance.DefinitionVersion}.");

    private WorkflowDefinition ResolveForStart(StartWorkflowRequest request)
    {
        var definition = request switch
        {
            { DefinitionId: { } id, DefinitionVersion: { } v } => definitions.Find(id, v),
            { DefinitionId: { } id } => definitions.FindLatest(id),
            { ProcedureCode: { } code } => definitions.FindLatestByProcedure(code),
            _ => null,
        };
        return definition ?? throw new WorkflowNotFoundException(
            $"No published workflow for definition '{request.DefinitionId}' / procedure '{request.ProcedureCode}'.",
            "Thủ tục chưa có quy trình xử lý được ban hành.");
    }

    private DateTimeOffset Now() => clock.GetUtcNow().ToOffset(VietnamTime.Offset);
}
