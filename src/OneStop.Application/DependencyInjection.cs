using Microsoft.Extensions.DependencyInjection;
using OneStop.Application.Dossiers;
using OneStop.Application.Officials;
using OneStop.Application.Workspace;

namespace OneStop.Application;

/// <summary>The use cases and the queries pages and /api/v1 share; the host provides <see cref="Common.ICurrentUser"/>.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Queries and shared services.
        services.AddScoped<OwnDossiers>();
        services.AddScoped<ApplicantDrafts>();
        services.AddScoped<DossierAccess>();
        services.AddScoped<DossierViews>();
        services.AddScoped<DossierFiles>();
        services.AddScoped<DossierDownloads>();
        services.AddScoped<PortalDossierFacts>();
        services.AddScoped<OfficialContext>();
        services.AddScoped<WorkspaceDossiers>();
        services.AddScoped<Colleagues>();
        services.AddScoped<WorkspaceDossierView>();
        services.AddScoped<OwnDossiersForOfficials>();
        services.AddScoped<CounterRegister>();
        services.AddScoped<DocumentStore.MyDocumentStore>();
        services.AddScoped<DocumentStore.CertifiedCopies>();

        // Citizens.
        services.AddScoped<CreateDraft>();
        services.AddScoped<UpdateDraft>();
        services.AddScoped<AttachFile>();
        services.AddScoped<SubmitDossier>();
        services.AddScoped<ResubmitDossier>();
        services.AddScoped<WithdrawDossier>();
        services.AddScoped<ChooseResultDelivery>();
        services.AddScoped<RateDossier>();
        services.AddScoped<PayFee>();
        services.AddScoped<DocumentStore.AttachFromStore>();
        services.AddScoped<DocumentStore.DeleteStoredDocument>();

        // Officials.
        services.AddScoped<PerformAction>();
        services.AddScoped<ReturnResult>();
        services.AddScoped<ClaimTask>();
        services.AddScoped<AssignTask>();
        services.AddScoped<Apologise>();
        services.AddScoped<ReissueDocument>();
        services.AddScoped<IssueControlSlip>();
        services.AddScoped<ResignDocument>();
        services.AddScoped<WalkInIntake>();
        services.AddScoped<CertifyAttachment>();

        // Other systems.
        services.AddScoped<NationalPortal.ReceivePortalDossier>();
        return services;
    }
}
