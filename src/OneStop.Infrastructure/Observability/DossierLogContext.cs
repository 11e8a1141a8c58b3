using System.Diagnostics;

namespace OneStop.Infrastructure.Observability;

/// <summary>
/// The dossier a unit of work (a request, an outbox delivery, a timer) is about, so that its log lines and its span carry the
/// dossier's public code — never the applicant's name or ID number. A unit opens a context with <see cref="Begin"/>; code that
/// learns the dossier reports it with <see cref="Observe"/> (loading a dossier or its workflow does so by itself). A unit that
/// touches several dossiers (an inbox, a list) names none.
/// </summary>
public static class DossierLogContext
{
    private static readonly AsyncLocal<Holder?> Ambient = new();

    /// <summary>The dossier code of the current unit of work, or null when none or several.</summary>
    public static string? Current => Ambient.Value?.Code;

    /// <summary>Opens a context for a unit of work, about <paramref name="dossierCode"/> if it is already known (then fixed).</summary>
    public static IDisposable Begin(string? dossierCode = null)
    {
        var previous = Ambient.Value;
        var holder = new Holder(Activity.Current, pinned: !string.IsNullOrEmpty(dossierCode));
        Ambient.Value = holder;
        holder.Observe(dossierCode, force: true);
        return new Scope(previous);
    }

    /// <summary>Reports that the current unit of work concerns <paramref name="dossierCode"/> (ignored outside a context).</summary>
    public static void Observe(string? dossierCode)
    {
        if (!string.IsNullOrEmpty(dossierCode))
        {
            Ambient.Value?.Observe(dossierCode, force: false);
        }
    }

    private sealed class Scope(Holder? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }

    private sealed class Holder(Activity? activity, bool pinned)
    {
        private readonly Lock _gate = new();
        private bool _ambiguous;

        public string? Code { get; private set; }

        public void Observe(string? code, bool force)
        {
            if (string.IsNullOrEmpty(code))
            {
                return;
            }

            lock (_gate)
            {
                if (force)
                {
                    Code = code;
                }
                else if (pinned || _ambiguous || code == Code)
                {
                    return;
                }
                else if (Code is null)
                {
                    Code = code;
                }
                else
                {
                    _ambiguous = true;
                    Code = null;
                }

                activity?.SetTag(OneStopTelemetry.DossierCodeTag, Code);
            }
        }
    }
}
