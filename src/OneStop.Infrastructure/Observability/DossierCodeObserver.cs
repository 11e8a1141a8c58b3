using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Workflows.Entities;

namespace OneStop.Infrastructure.Observability;

/// <summary>Tells <see cref="DossierLogContext"/> which dossier a unit of work loads (a dossier, or the workflow of one).</summary>
/// <remarks>
/// One instance for the whole process: a materialization interceptor lives in EF Core's internal service provider, so each
/// distinct instance would make EF Core build another one (and warn after twenty hosts, as in the tests).
/// </remarks>
internal sealed class DossierCodeObserver : IMaterializationInterceptor
{
    public static readonly DossierCodeObserver Instance = new();

    private DossierCodeObserver()
    {
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        switch (entity)
        {
            case Dossier dossier:
                DossierLogContext.Observe(dossier.Code);
                break;
            case WorkflowInstanceRecord instance:
                DossierLogContext.Observe(instance.DossierCode);
                break;
        }

        return entity;
    }
}
