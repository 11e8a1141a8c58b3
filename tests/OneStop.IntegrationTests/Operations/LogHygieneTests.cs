using System.Diagnostics;
using OneStop.Infrastructure.Observability;
using OneStop.Web.Hosting.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace OneStop.IntegrationTests.Operations;

/// <summary>The dossier log context and the last-line masking of personal data, without a host.</summary>
public sealed class LogHygieneTests
{
    [Fact]
    public void A_unit_of_work_names_the_one_dossier_it_loads_and_none_when_it_loads_several()
    {
        using (DossierLogContext.Begin())
        {
            DossierLogContext.Observe("SGTVT-261129-0001");
            DossierLogContext.Observe("SGTVT-261129-0001");
            Assert.Equal("SGTVT-261129-0001", DossierLogContext.Current);
            DossierLogContext.Observe("SGTVT-261129-0002");
            Assert.Null(DossierLogContext.Current);
            DossierLogContext.Observe("SGTVT-261129-0001");
            Assert.Null(DossierLogContext.Current);
        }

        Assert.Null(DossierLogContext.Current);
        DossierLogContext.Observe("SGTVT-261129-0003");
        Assert.Null(DossierLogContext.Current);
    }

    [Fact]
    public void A_unit_begun_for_a_dossier_keeps_its_code_and_tags_its_span()
    {
        using var activity = new Activity("test").Start();
        using (DossierLogContext.Begin("STP-261129-0042"))
        {
            DossierLogContext.Observe("STP-261129-0043");
            Assert.Equal("STP-261129-0042", DossierLogContext.Current);
        }

        Assert.Equal("STP-261129-0042", activity.GetTagItem(OneStopTelemetry.DossierCodeTag));
    }

    [Theory]
    [InlineData("Mail to khanhvy.trinh@example.vn refused: 550 5.1.1 <khanhvy.trinh@example.vn> unknown", "khanhvy.trinh@example.vn")]
    [InlineData("Lookup of CCCD 038196004217 failed", "038196004217")]
    [InlineData("Lookup of CMND 020090123 failed", "020090123")]
    [InlineData("Call back 0987654321 or +84987654321", "987654321")]
    [InlineData("GET /Account/ConfirmEmail?userId=5f0c&code=Q2ZESjhBTT secret", "Q2ZESjhBTT")]
    [InlineData("Authorization: Bearer CfDJ8Abcdefghijklmnop123", "CfDJ8Abcdefghijklmnop123")]
    public void Personal_data_in_a_message_or_an_exception_is_masked_before_it_is_written(string text, string secret)
    {
        foreach (var json in new[] { true, false })
        {
            var formatter = LogFormats.Create(json);
            var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Warning, new InvalidOperationException(text),
                new MessageTemplateParser().Parse(text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)), []);
            using var output = new StringWriter();

            formatter.Format(logEvent, output);

            Assert.DoesNotContain(secret, output.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Outbox entry 123456 (Notify) failed on attempt 3")]
    [InlineData("Dossier SGTVT-261129-0001 instance 9b2f0c1e-4d5a-4b7c-8e9f-123456789012")]
    [InlineData("Executed DbCommand (12ms) at 2026-11-29T10:15:00Z")]
    public void Ordinary_figures_ids_and_codes_are_left_alone(string text)
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse(text), []);
        using var output = new StringWriter();

        LogFormats.Create(json: false).Format(logEvent, output);

        Assert.Contains(text, output.ToString(), StringComparison.Ordinal);
    }
}
