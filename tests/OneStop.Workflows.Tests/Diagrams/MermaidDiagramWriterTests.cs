using OneStop.Workflows.Diagrams;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Diagrams;

public class MermaidDiagramWriterTests
{
    [Fact]
    public void Write_ConstructionPermit_HasShapesEdgesAndLabels()
    {
        var definition = WorkflowLoader.LoadFile(Path.Combine(RepoPaths.Workflows, "construction-permit-house.json")).Definition!;
        var text = MermaidDiagramWriter.Write(definition);

        Assert.StartsWith("---\ntitle: Cấp giấy phép xây dựng", text, StringComparison.Ordinal);
        Assert.Contains("flowchart TD", text, StringComparison.Ordinal);
        Assert.Contains("start_((\" \")) --> s_reception", text, StringComparison.Ordinal);
        Assert.Contains("s_consultation{{", text, StringComparison.Ordinal);
        Assert.Contains("s_supplement([", text, StringComparison.Ordinal);
        Assert.Contains("s_completed((", text, StringComparison.Ordinal);
        Assert.Contains("s_consultation ==> s_opinion_qhkt", text, StringComparison.Ordinal);
        Assert.Contains("s_reception -->|\"Tiếp nhận\"| s_review", text, StringComparison.Ordinal);
        Assert.Contains("s_consultation_join --> s_summary", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Condition_AppearsOnEdge_AndEverySampleRenders()
    {
        var definition = WorkflowLoader.LoadFile(Path.Combine(RepoPaths.Workflows, "household-business-registration.json")).Definition!;
        Assert.Contains("[capital > 1000000000 or applicantType == 'business']", MermaidDiagramWriter.Write(definition), StringComparison.Ordinal);
        foreach (var file in RepoPaths.SampleFiles)
        {
            var d = WorkflowLoader.LoadFile(file).Definition!;
            var text = MermaidDiagramWriter.Write(d);
            Assert.All(d.Steps, s => Assert.Contains("s_" + s.Id.Replace('-', '_'), text, StringComparison.Ordinal));
        }
    }
}
