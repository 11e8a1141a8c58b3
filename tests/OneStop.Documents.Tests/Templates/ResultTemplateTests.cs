using OneStop.Documents.Templates;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Templates;

public class ResultTemplateTests
{
    [Fact]
    public void Unknown_placeholder_is_a_validation_error_naming_the_field()
    {
        var json = Samples.TemplateJson.Replace("{{floors}}", "{{numberOfFloors}}", StringComparison.Ordinal);
        var ex = Assert.Throws<TemplateValidationException>(() => Renderer.Instance.RenderResult(Samples.Result(json)));
        var error = Assert.Single(ex.Errors);
        Assert.Contains("fields[3].value", error, StringComparison.Ordinal);
        Assert.Contains("{{numberOfFloors}}", error, StringComparison.Ordinal);
        Assert.Contains("numberOfFloors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_placeholders_and_missing_title_are_reported_together()
    {
        var template = new ResultTemplate
        {
            Title = " ",
            SignerTitle = "GIÁM ĐỐC",
            Paragraphs = ["Cấp cho {{applicantName}", "Ông/Bà {{ 1bad }}"],
        };
        var errors = Placeholders.Validate(template, ["applicantName"]);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("title", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("paragraphs[0]", StringComparison.Ordinal) && e.Contains("braces", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("paragraphs[1]", StringComparison.Ordinal) && e.Contains("invalid placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_json_is_a_validation_error_not_a_crash()
    {
        var ex = Assert.Throws<TemplateValidationException>(() => ResultTemplate.FromJson("{ \"title\": "));
        Assert.Contains("JSON", ex.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Template_round_trips_through_json()
    {
        var template = ResultTemplate.FromJson(Samples.TemplateJson);
        var again = ResultTemplate.FromJson(template.ToJson());
        Assert.Equal(template.Title, again.Title);
        Assert.Equal(template.Fields, again.Fields);
        Assert.Equal(template.Grounds, again.Grounds);
        Assert.Equal("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", again.SignerTitle);
    }

    [Fact]
    public void Validate_accepts_the_sample_against_its_form_fields()
    {
        var template = ResultTemplate.FromJson(Samples.TemplateJson);
        string[] fields = ["projectName", "siteAddress", "area", "floors", "applicantName", "applicantIdNumber", "dossierCode", "reference", "issuedDate"];
        Assert.Empty(Placeholders.Validate(template, fields));
    }
}
