using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Workflows;
using OneStop.Web.Features.Admin.Organisation;
using OneStop.Workflows.Definitions;

namespace OneStop.Web.Features.Admin.Workflows.Designer;

/// <summary>Reads the designer's lists from the database and the configuration (Workflows:Webhooks).</summary>
public sealed class DesignerCatalogueReader(OneStopDbContext db, IConfiguration configuration)
{
    /// <summary>The document kinds a step may issue, in the order an official meets them.</summary>
    private static readonly string[] Documents =
    [
        DocumentKinds.Receipt, DocumentKinds.SupplementRequest, DocumentKinds.Rejection, DocumentKinds.Result, DocumentKinds.Apology,
        DocumentKinds.ControlSlip, DocumentKinds.Withdrawal,
    ];

    public async Task<DesignerCatalogue> ReadAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Code, a.Name, a.Kind, a.ClosedOn }).ToListAsync(cancellationToken);
        var departments = (await db.Departments.AsNoTracking().OrderByDescending(d => d.IsReception).ThenBy(d => d.Name)
                .Select(d => new { d.AgencyId, d.Code, d.Name }).ToListAsync(cancellationToken))
            .ToLookup(d => d.AgencyId);
        return new DesignerCatalogue(
            [.. new[] { WorkflowRoles.Reception, WorkflowRoles.Specialist, WorkflowRoles.Leader }.Select(r => new NamedCode(r, Roles.DisplayName(r)))],
            [.. Documents.Select(k => new NamedCode(k, DocumentName(k)))],
            [.. agencies.Select(a => new DesignerAgency(a.Code, a.Name, AgencyKindNames.Of(a.Kind), a.ClosedOn is not null,
                [.. departments[a.Id].Select(d => new NamedCode(d.Code, d.Name))]))],
            Webhooks());
    }

    /// <summary>The names of the webhooks configured with an address, which an automatic step may call.</summary>
    public IReadOnlyList<string> Webhooks() =>
        [.. configuration.GetSection($"{WorkflowOptions.Section}:Webhooks").GetChildren()
            .Where(w => Uri.TryCreate(w["Url"], UriKind.Absolute, out _)).Select(w => w.Key).Order(StringComparer.Ordinal)];

    private static string DocumentName(string kind) => kind == DocumentKinds.Withdrawal
        ? "Ghi nhận rút hồ sơ (trong quá trình xử lý)"
        : DocumentIssuer.TitleOf(kind);
}
