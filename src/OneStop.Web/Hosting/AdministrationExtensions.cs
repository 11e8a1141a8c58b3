using OneStop.Web.Features.Admin.Audit;

namespace OneStop.Web.Hosting;

/// <summary>The administration console's services: audit search, overview, users, legacy import runs, result templates, organisation, officials, calendar, settings and the workflow designer.</summary>
internal static class AdministrationExtensions
{
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditSearch>();
        builder.Services.AddScoped<Features.Admin.AdminOverview>();
        builder.Services.AddScoped<Features.Admin.Users.UserAccounts>();
        builder.Services.AddScoped<Features.Admin.Legacy.LegacyImportRuns>();
        builder.Services.AddScoped<Features.Admin.Procedures.ResultTemplateAdmin>();
        builder.Services.AddScoped<Features.Admin.Organisation.OrganisationAdmin>();
        builder.Services.AddScoped<Features.Admin.Officials.OfficialAdmin>();
        builder.Services.AddScoped<Features.Admin.Officials.ReassignmentQueue>();
        builder.Services.AddScoped<Features.Admin.Settings.CalendarAdmin>();
        builder.Services.AddScoped<Features.Admin.Settings.SettingsAdmin>();
        builder.Services.AddScoped<Features.Admin.Workflows.Designer.WorkflowDesigner>();
        builder.Services.AddScoped<Features.Admin.Workflows.Designer.DesignerCatalogueReader>();
        builder.Services.AddScoped<Features.Admin.Workflows.Designer.WorkflowTemplates>();
        builder.Services.AddScoped<Features.Admin.Workflows.Designer.ProcedureLookup>();
        return builder;
    }
}
