using OneStop.Workflows.Definitions;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class WithdrawalTests
{
    [Theory]
    [InlineData("construction-permit-house")]
    [InlineData("criminal-record-certificate")]
    [InlineData("birth-registration")]
    public async Task The_applicant_withdraws_mid_way_and_every_task_and_timer_closes(string definition)
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync(definition);
        var accepted = (await h.ActAsync(instance, "reception", "accept")).Instance;

        var withdrawn = (await h.Engine.WithdrawAsync(accepted.Id, EngineHarness.Applicant, "  Tôi không còn nhu cầu  ")).Instance;

        Assert.Equal(InstanceStatus.Ended, withdrawn.Status);
        Assert.Equal(EndOutcome.Withdrawn, withdrawn.Outcome);
        Assert.Empty(withdrawn.OpenTasks);
        Assert.Empty(withdrawn.Timers);
        Assert.Contains(withdrawn.Journal, e => e.ActionId == "withdraw" && e.Comment == "Tôi không còn nhu cầu");
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => h.Engine.WithdrawAsync(accepted.Id, EngineHarness.Applicant, "lần nữa"));
    }

    [Fact]
    public async Task Only_the_applicant_may_withdraw_and_only_with_a_reason()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("driving-licence-renewal");
        var official = EngineHarness.OfficialFor(instance.OpenTasks.Single());

        var byOfficial = await Assert.ThrowsAsync<ActionNotAllowedException>(() => h.Engine.WithdrawAsync(instance.Id, official, "lý do"));
        var byStranger = await Assert.ThrowsAsync<ActionNotAllowedException>(() =>
            h.Engine.WithdrawAsync(instance.Id, new WorkflowActor("citizen-2", WorkflowRoles.Citizen), "lý do"));
        var noReason = await Assert.ThrowsAsync<ActionNotAllowedException>(() => h.Engine.WithdrawAsync(instance.Id, EngineHarness.Applicant, " "));

        Assert.Equal("workflow.action-not-allowed.not-applicant", byOfficial.Code);
        Assert.Equal("workflow.action-not-allowed.not-applicant", byStranger.Code);
        Assert.Equal("workflow.action-not-allowed.comment-required", noReason.Code);
        Assert.Equal(InstanceStatus.Running, (await h.Engine.GetAsync(instance.Id))!.Status);
    }

    [Fact]
    public async Task Without_a_withdrawn_end_step_the_instance_ends_the_same_way_and_the_applicant_is_told()
    {
        var h = new EngineHarness();
        h.Registry.Publish(WorkflowLoader.LoadValid("""
            {"id":"no-withdrawn-end","version":1,"name":"Thủ tục không có bước rút hồ sơ","procedures":["9.999999"],"totalDuration":"1d",
             "steps":[
               {"id":"reception","kind":"task","name":"Tiếp nhận hồ sơ","assignee":{"role":"Reception","department":"MOTCUA"},"duration":"2h",
                "actions":[{"id":"accept","label":"Tiếp nhận","target":"completed","issues":["receipt"]}]},
               {"id":"completed","kind":"end","name":"Hoàn thành","outcome":"completed"}]}
            """, DemoOrganisation.Catalog));
        var instance = await h.StartAsync("no-withdrawn-end");

        var result = await h.Engine.WithdrawAsync(instance.Id, EngineHarness.Applicant, "Không còn nhu cầu");

        var withdrawn = result.Instance;
        Assert.Equal((InstanceStatus.Ended, EndOutcome.Withdrawn), (withdrawn.Status, withdrawn.Outcome));
        Assert.Null(withdrawn.EndStepId);
        Assert.Empty(withdrawn.OpenTasks);
        Assert.Empty(withdrawn.Timers);
        Assert.Contains(withdrawn.Journal, e => e.Kind == JournalKind.TaskCancelled && e.Comment == "withdraw");
        Assert.Equal(JournalKind.Ended, withdrawn.Journal[^1].Kind);
        var notice = Assert.Single(result.Effects, e => e.Reason == EffectReasons.Ended);
        Assert.Equal((EngineHarness.Applicant.UserId, "Rút hồ sơ"), (notice.RecipientUserId, notice.Message));
    }
}
