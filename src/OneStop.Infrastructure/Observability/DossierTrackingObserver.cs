using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.Observability;

/// <summary>
/// Tells <see cref="DossierLogContext"/> which dossier a unit of work loads to change: a dossier a query brings into the change tracker
/// (the workflow store reports the workflows it loads, <see cref="DossierMetricsInterceptor"/> the dossiers it saves).
/// </summary>
/// <remarks>
/// Not a materialization interceptor, as it was: with one registered, EF Core materializes every entity of every query through
/// accessor delegates bound for each row (<c>DynamicMethod.CreateDelegate</c>, 3.6 % of the host's CPU at the submissions'
/// saturation, PERFORMANCE.md). The change tracker's <c>Tracked</c> event costs the other entities nothing; a pooled context drops its
/// handlers when it is returned, so the handler is attached again (once) whenever the context opens its connection.
/// </remarks>
internal sealed class DossierTrackingObserver : DbConnectionInterceptor
{
    public static readonly DossierTrackingObserver Instance = new();

    private DossierTrackingObserver()
    {
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Attach(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Attach(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Attach(DbContext? context)
    {
        if (context is not null)
        {
            context.ChangeTracker.Tracked -= OnTracked;
            context.ChangeTracker.Tracked += OnTracked;
        }
    }

    private static void OnTracked(object? sender, EntityTrackedEventArgs e)
    {
        if (e.FromQuery && e.Entry.Entity is Dossier dossier)
        {
            DossierLogContext.Observe(dossier.Code);
        }
    }
}
