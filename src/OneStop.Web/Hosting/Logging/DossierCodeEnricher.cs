using OneStop.Infrastructure.Observability;
using Serilog.Core;
using Serilog.Events;

namespace OneStop.Web.Hosting.Logging;

/// <summary>Adds the public code of the dossier the current request or background unit is about (property DossierCode).</summary>
internal sealed class DossierCodeEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (DossierLogContext.Current is { } code)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("DossierCode", code));
        }
    }
}
