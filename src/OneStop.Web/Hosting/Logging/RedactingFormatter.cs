using Serilog.Events;
using Serilog.Formatting;

namespace OneStop.Web.Hosting.Logging;

/// <summary>Formats a log event with <paramref name="inner"/>, then masks personal data in the result (<see cref="PersonalDataRedactor"/>).</summary>
internal sealed class RedactingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        inner.Format(logEvent, buffer);
        output.Write(PersonalDataRedactor.Redact(buffer.ToString()));
    }
}
