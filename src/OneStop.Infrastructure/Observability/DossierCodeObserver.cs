using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Workflows.Entities;

namespace OneStop.Infrastructure.Observability;

/// <summary>Tells <see cref="DossierLogContext"/> which dossier a unit of work loads (a dossier, or the workflow of one).</summary>
internal sealed class DossierCodeObserver : IMaterializationInterceptor
{
    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        switch (entity)
        {
            case Dossier dossier:
                DossierLogContext.Observe(dossier.Code);
                break;
            case WorkflowInstanceRecord instance:
                DossierLogContext.Observe(instance.DossierId);
                break;
        }

        return entity;
    }
}
