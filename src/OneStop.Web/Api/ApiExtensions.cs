using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using OneStop.Web.Features.Accounts;
using Scalar.AspNetCore;

namespace OneStop.Web.Api;

/// <summary>The /api/v1 surface: OpenAPI, ProblemDetails and the endpoint groups.</summary>
internal static class ApiExtensions
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OneStop API";
            document.Info.Description = "Dịch vụ công trực tuyến — API cho ứng dụng di động và Cổng dịch vụ công quốc gia.";
            return Task.CompletedTask;
        }));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddValidatorsFromAssemblyContaining<RegisterCitizenValidator>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddSingleton<AccountMail>();
        builder.Services.AddSingleton<AccountMailQueue>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<AccountMailQueue>());
        builder.Services.AddScoped<OneStop.Application.Common.ICurrentUser, OneStop.Web.Hosting.HttpCurrentUser>();
        OneStop.Application.DependencyInjection.AddApplication(builder.Services);
        builder.Services.AddScoped<OneStop.Web.Features.Catalogue.ProcedureCatalogue>();
        builder.Services.AddScoped<OneStop.Web.Features.Catalogue.AgencyDirectory>();
        builder.Services.AddScoped<OneStop.Web.Features.Dossiers.AddressOffers>();
        builder.Services.AddScoped<OneStop.Web.Features.Workspace.Inbox>();
        builder.Services.AddScoped<OneStop.Web.Features.Statistics.DossierStatistics>();
        builder.Services.AddScoped<OneStop.Web.Features.Documents.DocumentVerification>();
        builder.Services.AddScoped<OneStop.Web.Features.Admin.Procedures.ProcedureAdmin>();
        builder.Services.AddScoped<OneStop.Web.Features.Admin.Workflows.WorkflowConsole>();
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Services.GetRequiredService<OneStop.Web.Security.ApiReference>().Enabled)
        {
            app.MapScalarApiReference(options => options.WithTitle("OneStop API")).AllowAnonymous();
        }

        var v1 = app.MapGroup("/api/v1");
        v1.MapAuthEndpoints();
        v1.MapDocumentEndpoints();
        v1.MapOfficialDocumentEndpoints();
        v1.MapWorkspaceEndpoints();
        v1.MapProcedureEndpoints();
        v1.MapDossierEndpoints();
        v1.MapStoreEndpoints();
        v1.MapPaymentEndpoints();
        v1.MapNationalPortalEndpoints();
        v1.MapResultDeliveryEndpoints();
        v1.MapNotificationEndpoints();
        v1.MapRatingEndpoints();
        v1.MapAdminProcedureEndpoints();
        v1.MapAdminWorkflowEndpoints();
        return app;
    }
}
