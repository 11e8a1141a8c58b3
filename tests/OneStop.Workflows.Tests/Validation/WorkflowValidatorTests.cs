using System.Text.Json.Nodes;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Tests.Support;
using OneStop.Workflows.Validation;
using static OneStop.Workflows.Tests.Validation.ValidatorTestData;

namespace OneStop.Workflows.Tests.Validation;

public class WorkflowValidatorTests
{
    private static void AssertSingle(IReadOnlyList<WorkflowProblem> problems, ProblemCode code, string path)
    {
        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(path, problem.Path);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.False(string.IsNullOrWhiteSpace(problem.MessageVi));
    }

    [Fact]
    public void Load_ValidDefinition_HasNoProblems() => Assert.Empty(ProblemsAfter(_ => { }));

    [Fact]
    public void Load_MalformedJson_ReportsLineAndPosition()
    {
        var result = WorkflowLoader.Load("{\n  \"id\": \"x\",\n  \"version\": 1,,\n}");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCode.MalformedJson, problem.Code);
        Assert.Equal(3, problem.Line);
        Assert.NotNull(problem.Position);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void Load_UnknownProperty_IsMalformedWithPath()
    {
        var problems = ProblemsAfter(n => Step(n, 0)["assigne"] = "typo");
        Assert.Equal(ProblemCode.MalformedJson, Assert.Single(problems).Code);
        Assert.Contains("steps[0]", problems[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownTarget()
    {
        var problems = ProblemsAfter(n => Step(n, 0)["actions"]![1]!["target"] = "nowhere");
        Assert.Contains(problems, p => p.Code == ProblemCode.UnknownTarget && p.Path == "$.steps[0].actions[1].target");
        Assert.Contains(problems, p => p.Code == ProblemCode.UnreachableStep && p.Path == "$.steps[6]"); // "rejected" lost its only way in
    }

    [Fact]
    public void Validate_UnreachableStep()
    {
        var problems = ProblemsAfter(n => n["steps"]!.AsArray().Add(JsonNode.Parse("""{ "id": "orphan", "kind": "end", "name": "Mồ côi", "outcome": "cancelled" }""")));
        AssertSingle(problems, ProblemCode.UnreachableStep, "$.steps[7]");
    }

    [Fact]
    public void Validate_NoPathToEnd()
    {
        var problems = ProblemsAfter(n =>
        {
            Step(n, 0)["actions"]!.AsArray().Add(JsonNode.Parse("""{ "id": "loop", "label": "Vòng", "target": "loop-step" }"""));
            n["steps"]!.AsArray().Add(JsonNode.Parse("""
                { "id": "loop-step", "kind": "task", "name": "Vòng lặp", "assignee": { "role": "Specialist", "department": "QLXD" }, "duration": "1d",
                  "actions": [ { "id": "again", "label": "Lại", "target": "loop-step" } ] }
                """));
        });
        AssertSingle(problems, ProblemCode.NoPathToEnd, "$.steps[7]");
    }

    [Fact]
    public void Validate_NoEndStepAtAll()
    {
        var problems = ProblemsAfter(n =>
        {
            Step(n, 5)["kind"] = "auto";
            Step(n, 5).AsObject().Remove("outcome");
            Step(n, 5)["next"] = "reception";
            Step(n, 5)["do"] = JsonNode.Parse("""[{ "notify": "applicant" }]""");
            n["steps"]!.AsArray().RemoveAt(6);
            Step(n, 0)["actions"]![1]!["target"] = "done";
        });
        AssertSingle(problems, ProblemCode.NoPathToEnd, "$.steps");
    }

    [Fact]
    public void Validate_StepWithNoWayOut()
    {
        var problems = ProblemsAfter(n => Step(n, 2)["actions"] = new JsonArray());
        Assert.Contains(problems, p => p.Code == ProblemCode.NoWayOut && p.Path == "$.steps[2].actions");
        Assert.All(problems, p => Assert.NotEqual(ProblemCode.NoPathToEnd, p.Code));
    }

    [Fact]
    public void Validate_JoinWithoutNext_IsNoWayOut() =>
        Assert.Contains(ProblemsAfter(n => Step(n, 4).AsObject().Remove("next")), p => p.Code == ProblemCode.NoWayOut && p.Path == "$.steps[4].next");

    [Fact]
    public void Validate_DuplicateStepId() =>
        Assert.Contains(ProblemsAfter(n => Step(n, 3)["id"] = "a"), p => p.Code == ProblemCode.DuplicateId && p.Path == "$.steps[3].id");

    [Fact]
    public void Validate_DuplicateActionId() =>
        AssertSingle(ProblemsAfter(n => Step(n, 0)["actions"]![1]!["id"] = "accept"), ProblemCode.DuplicateId, "$.steps[0].actions[1].id");

    [Fact]
    public void Validate_UnknownRole() =>
        AssertSingle(ProblemsAfter(n => Step(n, 0)["assignee"]!["role"] = "Clerk"), ProblemCode.UnknownRole, "$.steps[0].assignee.role");

    [Fact]
    public void Validate_UnknownDepartment() =>
        AssertSingle(ProblemsAfter(n => Step(n, 2)["assignee"]!["department"] = "QLPT"), ProblemCode.UnknownDepartment, "$.steps[2].assignee.department");

    [Fact]
    public void Validate_ChooseDepartment_UnknownDepartment() =>
        AssertSingle(ProblemsAfter(n => Step(n, 2)["actions"]!.AsArray().Add(JsonNode.Parse("""{ "id": "pass", "label": "Chuyển", "target": "b", "chooseDepartment": ["QLPT"] }"""))),
            ProblemCode.UnknownDepartment, "$.steps[2].actions[1].chooseDepartment[0]");

    [Fact]
    public void Validate_ChooseDepartment_OnlyTowardsATaskStep() =>
        AssertSingle(ProblemsAfter(n => Step(n, 0)["actions"]![1]!["chooseDepartment"] = JsonNode.Parse("""["QHKT"]""")),
            ProblemCode.InvalidValue, "$.steps[0].actions[1].chooseDepartment");

    [Fact]
    public void Validate_UnknownAgency() =>
        AssertSingle(ProblemsAfter(n => Step(n, 2)["assignee"]!["agency"] = "SO-XYZ"), ProblemCode.UnknownAgency, "$.steps[2].assignee.agency");

    [Fact]
    public void Validate_WithoutCatalog_SkipsOrganisationChecksButNotRoles()
    {
        Assert.Empty(ProblemsAfter(n => Step(n, 2)["assignee"]!["agency"] = "SO-XYZ", withCatalog: false));
        AssertSingle(ProblemsAfter(n => Step(n, 2)["assignee"]!["role"] = "Boss", withCatalog: false), ProblemCode.UnknownRole, "$.steps[2].assignee.role");
    }

    [Theory]
    [InlineData("5")]
    [InlineData("0d")]
    [InlineData("2w")]
    [InlineData("1.5d")]
    public void Validate_BadDuration(string duration) =>
        AssertSingle(ProblemsAfter(n => Step(n, 2)["duration"] = duration), ProblemCode.BadDuration, "$.steps[2].duration");

    [Fact]
    public void Validate_BadEscalateAfter()
    {
        Assert.Empty(ProblemsAfter(n => Step(n, 2)["escalateAfter"] = "2d"));
        AssertSingle(ProblemsAfter(n => Step(n, 2)["escalateAfter"] = "later"), ProblemCode.BadDuration, "$.steps[2].escalateAfter");
    }

    [Fact]
    public void Validate_BadTotalDuration() =>
        AssertSingle(ProblemsAfter(n => n["totalDuration"] = "fifteen days"), ProblemCode.BadDuration, "$.totalDuration");

    [Fact]
    public void Validate_ConditionThatDoesNotParse() =>
        AssertSingle(ProblemsAfter(n => Step(n, 0)["actions"]![0]!["condition"] = "area > > 250"), ProblemCode.BadCondition, "$.steps[0].actions[0].condition");

    [Fact]
    public void Validate_ConditionNamingUnknownInput() =>
        AssertSingle(ProblemsAfter(n => Step(n, 0)["actions"]![0]!["condition"] = "floorArea > 250"), ProblemCode.UnknownInput, "$.steps[0].actions[0].condition");

    [Fact]
    public void Validate_JoinWithoutItsSplit()
    {
        var problems = ProblemsAfter(n => Step(n, 1)["joinStep"] = "done");
        Assert.Contains(problems, p => p.Code == ProblemCode.JoinWithoutSplit && p.Path == "$.steps[1].joinStep");
        Assert.Contains(problems, p => p.Code == ProblemCode.JoinWithoutSplit && p.Path == "$.steps[4]");
    }

    [Fact]
    public void Validate_BranchThatNeverJoins() =>
        AssertSingle(ProblemsAfter(n => Step(n, 3)["actions"]![0]!["target"] = "done"), ProblemCode.BranchNeverJoins, "$.steps[1].branches[1]");

    [Fact]
    public void Validate_MissingFields() =>
        Assert.Contains(ProblemsAfter(n => { n.AsObject().Remove("name"); Step(n, 0).AsObject().Remove("assignee"); }),
            p => p.Code == ProblemCode.MissingField && p.Path == "$.steps[0].assignee");

    [Fact]
    public void Validate_BadProcedureCode() =>
        AssertSingle(ProblemsAfter(n => n["procedures"]![0] = "1-2"), ProblemCode.InvalidValue, "$.procedures[0]");

    [Fact]
    public void Validate_ManyProblems_ReportedAllAtOnce()
    {
        var problems = ProblemsAfter(n =>
        {
            Step(n, 0)["actions"]![1]!["target"] = "nowhere";
            Step(n, 0)["assignee"]!["role"] = "Clerk";
            Step(n, 2)["duration"] = "3 days";
            Step(n, 2)["assignee"]!["agency"] = "SO-XYZ";
            Step(n, 0)["actions"]![0]!["condition"] = "size > 1";
        });
        var codes = problems.Select(p => p.Code).ToHashSet();
        Assert.Superset(new HashSet<ProblemCode> { ProblemCode.UnknownTarget, ProblemCode.UnknownRole, ProblemCode.BadDuration, ProblemCode.UnknownAgency, ProblemCode.UnknownInput }, codes);
        Assert.True(problems.Count >= 5);
    }

    [Fact]
    public void SampleWorkflows_AreAllValidAgainstTheDemoProvince()
    {
        Assert.True(RepoPaths.SampleFiles.Count >= 5);
        foreach (var file in RepoPaths.SampleFiles)
        {
            var result = WorkflowLoader.LoadFile(file, DemoOrganisation.Catalog);
            Assert.True(result.IsValid, file + ": " + string.Join("; ", result.Problems));
        }
    }
}
