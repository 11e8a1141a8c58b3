using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace OneStop.Web.Hosting.Logging;

/// <summary>
/// How log lines are written: compact JSON (Logs:Json, for a log collector; the trace and span ids are @tr and @sp) or one line of
/// text with the trace id and the dossier code; personal data masked either way.
/// </summary>
public static class LogFormats
{
    public const string TextTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} trace={TraceId} dossier={DossierCode}{NewLine}{Exception}";

    public static ITextFormatter Create(bool json) =>
        new RedactingFormatter(json ? new RenderedCompactJsonFormatter() : new MessageTemplateTextFormatter(TextTemplate));
}
